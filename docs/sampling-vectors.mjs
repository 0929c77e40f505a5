// An independent implementation of the reproducible draw (docs/sampling.md), written from the document rather than
// from the C# code, that prints the test vectors as JSON. Regenerate the checked-in vectors with:
//   node docs/sampling-vectors.mjs > tests/Ducha.Reference.Tests/SamplingVectors.json
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';

const TWO_64 = 1n << 64n;

function utf8(text) {
  // Node would replace a lone surrogate with U+FFFD; the procedure refuses such strings instead.
  if (!text.isWellFormed()) throw new Error(`not valid Unicode: ${JSON.stringify(text)}`);
  return Buffer.from(text, 'utf8');
}

// Words: block i = SHA-256(seed || 0x00 || uint64be(i)), each block read as four big-endian uint64 words.
function* words(seed) {
  const seedBytes = utf8(seed);
  for (let i = 0n; ; i++) {
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(i);
    const block = createHash('sha256').update(Buffer.concat([seedBytes, Buffer.from([0]), counter])).digest();
    for (let offset = 0; offset < 32; offset += 8) yield block.readBigUInt64BE(offset);
  }
}

// Uniform in [0, bound): reject words >= the largest multiple of bound that does not exceed 2^64.
function uniformBelow(bound, stream) {
  const limit = TWO_64 - (TWO_64 % bound);
  for (;;) {
    const word = stream.next().value;
    if (word < limit) return word % bound;
  }
}

export function draw(seed, candidates, k) {
  if (seed.length === 0) throw new Error('empty seed');
  const items = candidates.map((id) => ({ id, bytes: utf8(id) }));
  items.sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  for (let i = 1; i < items.length; i++) {
    if (Buffer.compare(items[i].bytes, items[i - 1].bytes) === 0) throw new Error(`duplicate id ${items[i].id}`);
  }
  if (!Number.isInteger(k) || k < 0 || k > items.length) throw new Error(`bad k ${k}`);
  const stream = words(seed);
  for (let j = items.length - 1; j >= 1; j--) {
    const r = Number(uniformBelow(BigInt(j + 1), stream));
    [items[j], items[r]] = [items[r], items[j]];
  }
  return items.slice(0, k).map((item) => item.id);
}

const range = (prefix, n, width) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(width, '0')}`);
// Given in a scrambled order on purpose: the procedure sorts them first.
const tenCases = ['C-07', 'C-02', 'C-10', 'C-01', 'C-05', 'C-09', 'C-03', 'C-08', 'C-06', 'C-04'];
const chineseCases = [
  '苏环罚〔2026〕12号', '苏环罚〔2026〕3号', '浙环督〔2026〕7号', '豫环查〔2026〕41号', '川环罚〔2026〕5号',
  '粤环督〔2026〕18号', '鲁环查〔2026〕22号', '皖环罚〔2026〕9号',
];
const enterprises = range('E-', 100, 3).reverse();

const cases = [
  { name: 'one candidate', seed: 'ducha-draw-v1/n1', candidates: ['C-01'], k: 1 },
  { name: 'count zero', seed: 'ducha-draw-v1/k0', candidates: tenCases.slice(0, 5), k: 0 },
  { name: 'no candidates', seed: 'ducha-draw-v1/empty', candidates: [], k: 0 },
  { name: 'count equals candidates (a full shuffle)', seed: 'ducha-draw-v1/full', candidates: tenCases, k: 10 },
  { name: 'Chinese case names', seed: 'ducha-draw-v1/unicode-ids', candidates: chineseCases, k: 3 },
  {
    name: 'non-ASCII seed',
    seed: '2026年第一季度双随机抽查（江苏省·苏州市）',
    candidates: chineseCases,
    k: 3,
  },
  {
    // UTF-16 code-unit order would put 𠀀 (U+20000) before ！ (U+FF01); UTF-8 byte order puts it after.
    name: 'UTF-8 byte order, not UTF-16',
    seed: 'ducha-draw-v1/utf8-order',
    candidates: ['𠀀', '！', 'z', 'é', 'A', '案'],
    k: 6,
  },
  { name: 'seven of a hundred', seed: 'ducha-draw-v1/hundred', candidates: enterprises, k: 7 },
  { name: 'seven of a hundred, another seed', seed: 'ducha-draw-v1/hundred-2', candidates: enterprises, k: 7 },
  {
    name: 'a seed as NewSeed makes it',
    seed: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    candidates: enterprises,
    k: 10,
  },
];

// Printed only when run, so that docs/draw-vectors.mjs can import draw().
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const vectors = cases.map((c) => ({ ...c, expected: draw(c.seed, c.candidates, c.k) }));
  console.log(JSON.stringify({ procedure: 'ducha-draw-v1', vectors }, null, 2));
}
