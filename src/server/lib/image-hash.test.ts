import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { hashDistance, imageHash } from './image-hash.js';
import { meetingRoomPhoto } from '../test/scene.js';
import { defaultThresholds } from '../modules/signals/signals-compute.js';

const distance = async (a: Buffer, b: Buffer) => hashDistance((await imageHash(a))!, (await imageHash(b))!);

describe('perceptual hash of a photo', () => {
  it('finds a resized, re-compressed or slightly cropped copy within the threshold, not another photo of the room', async () => {
    const photo = await meetingRoomPhoto(0);
    const resized = await sharp(photo).resize(400).jpeg({ quality: 40 }).toBuffer();
    const cropped = await sharp(photo)
      .extract({ left: 24, top: 18, width: 752, height: 564 })
      .resize(640)
      .jpeg({ quality: 60 })
      .toBuffer();
    const png = await sharp(photo).resize(1200).png().toBuffer();
    const copies = [
      await distance(photo, resized),
      await distance(photo, cropped),
      await distance(photo, png),
    ];
    const other = await distance(photo, await meetingRoomPhoto(1));
    // Measured: copies 0–4 bits apart, the other meeting 22: the default 10 sits between.
    for (const d of copies) expect(d).toBeLessThanOrEqual(defaultThresholds.photoDistance);
    expect(other).toBeGreaterThan(defaultThresholds.photoDistance * 2);
  });

  it('answers null for bytes that are no image', async () => {
    expect(await imageHash(Buffer.from('not an image'))).toBeNull();
  });
});
