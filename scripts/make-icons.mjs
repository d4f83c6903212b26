// Draws the add-in's icons (a white check mark on a blue rounded square) and writes
// assets/icon-<size>.png. Run: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x1f, 0x5f, 0xa8];
const SAMPLES = 4; // per axis, for anti-aliasing

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Shapes in unit coordinates (0..1). */
function inRoundedSquare(x, y, r = 0.18) {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const CHECK = [[0.24, 0.52], [0.43, 0.7], [0.77, 0.32]];
function onCheck(x, y, width) {
  return distToSegment(x, y, CHECK[0], CHECK[1]) <= width / 2 || distToSegment(x, y, CHECK[1], CHECK[2]) <= width / 2;
}

function draw(size) {
  const out = Buffer.alloc(size * size * 4);
  // Thin strokes vanish at 16 px; keep the mark at least ~2 px wide.
  const width = Math.max(0.13, 2.2 / size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let mark = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const u = (x + (sx + 0.5) / SAMPLES) / size;
          const v = (y + (sy + 0.5) / SAMPLES) / size;
          if (!inRoundedSquare(u, v)) continue;
          if (onCheck(u, v, width)) mark++;
          else bg++;
        }
      }
      const n = SAMPLES * SAMPLES;
      const alpha = (bg + mark) / n;
      const i = (y * size + x) * 4;
      if (alpha === 0) continue;
      const white = mark / (bg + mark);
      for (let k = 0; k < 3; k++) out[i + k] = Math.round(BLUE[k] * (1 - white) + 255 * white);
      out[i + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

mkdirSync(new URL('../assets/', import.meta.url), { recursive: true });
for (const size of SIZES) {
  writeFileSync(new URL(`../assets/icon-${size}.png`, import.meta.url), png(size, draw(size)));
}
console.log(`assets/icon-{${SIZES.join(',')}}.png written`);
