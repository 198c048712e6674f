// A tiny PNG encoder (RGB, no interlace) so previews are real images a browser and a test can
// decode, without a dependency. Each message gets its own deterministic "screenshot".
import { deflateSync } from "node:zlib";
import { createRng } from "./prng";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

export function encodePng(width: number, height: number, pixel: (x: number, y: number) => readonly [number, number, number]): Buffer {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      const o = y * stride + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const ACCENTS: Record<string, readonly [number, number, number]> = {
  MALICIOUS: [200, 40, 40],
  "MALICIOUS-BEC": [170, 30, 90],
  SUSPICIOUS: [230, 140, 20],
  SPOOF: [150, 60, 200],
  SPAM: [120, 120, 120],
  BULK: [40, 120, 200],
};

/** A 320×200 mock of a rendered email: header band, text-line bars and a button. */
export function renderPreview(seed: number, disposition: string): Buffer {
  const rng = createRng(seed);
  const accent = ACCENTS[disposition] ?? [40, 160, 90];
  const lines = Array.from({ length: 9 }, () => rng.int(120, 290));
  const buttonY = rng.int(150, 170);
  return encodePng(320, 200, (x, y) => {
    if (y < 28) return accent;
    const row = Math.floor((y - 40) / 12);
    const line = lines[row];
    if (y >= 40 && (y - 40) % 12 < 6 && line !== undefined && x >= 16 && x < line && y < 148) return [90, 90, 90];
    if (y >= buttonY && y < buttonY + 18 && x >= 16 && x < 120) return accent;
    return [250, 250, 250];
  });
}
