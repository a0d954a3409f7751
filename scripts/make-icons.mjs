// Writes the add-in icons (assets/icon-{16,32,64,80,128}.png) with node:zlib only: a green
// rounded square with three white progress bars and a check mark. Run: node scripts/make-icons.mjs
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const SIZES = [16, 32, 64, 80, 128];

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixel of the icon at (x, y) in a size×size square, drawn in unit coordinates. */
function pixel(x, y, size) {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  const r = 0.18;
  const dx = Math.max(r - u, u - (1 - r), 0);
  const dy = Math.max(r - v, v - (1 - r), 0);
  if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
  const bars = [
    [0.2, 0.28, 0.75],
    [0.44, 0.52, 0.55],
    [0.68, 0.76, 0.35],
  ];
  for (const [top, bottom, right] of bars) {
    if (v >= top && v < bottom && u >= 0.2 && u < right) return [255, 255, 255, 255];
  }
  // check mark in the lower right
  const onLine = (ax, ay, bx, by, w) => {
    const t = Math.max(0, Math.min(1, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(u - (ax + t * (bx - ax)), v - (ay + t * (by - ay))) < w;
  };
  if (onLine(0.56, 0.66, 0.66, 0.78, 0.045) || onLine(0.66, 0.78, 0.84, 0.52, 0.045)) return [255, 214, 10, 255];
  return [31, 111, 67, 255];
}

export function png(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    const o = y * (size * 4 + 1);
    raw[o] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y, size), o + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = new URL('../assets/', import.meta.url);
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) writeFileSync(new URL(`icon-${size}.png`, outDir), png(size));
console.log(`Đã tạo ${SIZES.length} biểu tượng trong assets/`);
