import type { ActionKind } from '../../../common/actions';
import type { Person } from '../../../common/api/people';
import type { Structure } from '../../../common/api/org';
import { OptionalFields, StudyFields, ThemeDayFields } from './SessionFields';
import { ProblemFields, PublicityFields, RuleRevisionFields } from './WorkFields';

interface Props {
  kind: ActionKind;
  people: Person[];
  structure?: Structure;
  branchId: number;
}

/** The fields of one action kind (recordDataByKind), under the form's `data`. */
export function KindFields({ kind, people, structure, branchId }: Props) {
  switch (kind) {
    case 'study':
      return <StudyFields people={people} />;
    case 'theme_day':
      return <ThemeDayFields people={people} />;
    case 'rule_revision':
      return <RuleRevisionFields structure={structure} branchId={branchId} />;
    case 'grassroots_problem':
      return <ProblemFields structure={structure} />;
    case 'publicity':
      return <PublicityFields />;
    case 'optional':
      return <OptionalFields />;
  }
}
