import sharp from 'sharp';

/**
 * A synthetic photo of a meeting room for the image tests: a wall, a banner, a table, six people
 * and a window. `moment` 1 is the same room at another meeting — people and banner elsewhere.
 */
export function meetingRoomPhoto(moment: 0 | 1): Promise<Buffer> {
  const people = Array.from({ length: 6 }, (_, i) => {
    const x = 120 + i * 110 + (moment ? ((i * 37) % 50) - 25 : 0);
    const y = 330 + (moment ? ((i * 53) % 40) - 20 : 0);
    const head = moment ? '#a05030' : '#304070';
    const body = moment ? '#203040' : '#604020';
    return `<circle cx="${x}" cy="${y}" r="${moment ? 34 : 30}" fill="${head}"/><rect x="${x - 40}" y="${y + 30}" width="80" height="120" fill="${body}"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
  <rect width="800" height="600" fill="#e8e0d0"/>
  <rect x="${moment ? 200 : 100}" y="40" width="${moment ? 400 : 600}" height="90" fill="#c00000"/>
  <rect x="60" y="${moment ? 430 : 470}" width="680" height="${moment ? 170 : 130}" fill="#8b5a2b"/>
  ${people}
  <rect x="${moment ? 20 : 680}" y="150" width="90" height="200" fill="${moment ? '#90c0e0' : '#f0f0f0'}"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}
