export { newRecordLink, recordPath, workbenchLink, type WorkbenchPlace } from '../../../common/links';
