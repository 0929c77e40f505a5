// An independent implementation of a 双随机 draw (docs/sampling.md, "Draws"), written from the document: the canonical
// inputs and their hash, the commitment, the targets by risk stratum, the inspectors' order and the teams. Prints the
// vector that tests/Ducha.Services.Tests/Secondment/DrawVectorTests.cs checks the service against:
//   node docs/draw-vectors.mjs
import { createHash } from 'node:crypto';
import { draw } from './sampling-vectors.mjs';

const sha256 = (text) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
const byUtf8 = (a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
const STRATA = ['HIGH', 'MEDIUM', 'LOW'];

const prefix = (code) => {
  let p = code;
  while (p.length > 2 && p.endsWith('00')) p = p.slice(0, -2);
  return p;
};
const within = (code, area) => code.startsWith(prefix(area));

export function drawTeams(seed, input) {
  const { round, targets: n, teams, team_size: size, previous_draw_id: previous, register, inspectors, previous_pairs: before } = input;
  const canonical = JSON.stringify({
    procedure: 'ducha-draw-v1',
    round,
    targets: n,
    teams,
    team_size: size,
    previous_draw_id: previous,
    target_ids: Object.fromEntries(STRATA.map((s) => [s, register.filter((t) => t.risk === s).map((t) => t.id).sort(byUtf8)])),
    inspector_ids: inspectors.map((i) => i.id).sort(byUtf8),
  });
  const inputsHash = sha256(canonical);
  const commitment = sha256(seed + inputsHash);

  // Largest remainders; ties go to the earlier stratum.
  const total = register.length;
  const sizes = STRATA.map((s) => register.filter((t) => t.risk === s).length);
  const quotas = sizes.map((m) => Math.floor((n * m) / total));
  const order = [0, 1, 2].sort((a, b) => ((n * sizes[b]) % total) - ((n * sizes[a]) % total) || a - b);
  for (const s of order.slice(0, n - quotas.reduce((x, y) => x + y, 0))) quotas[s]++;
  const byId = new Map(register.map((t) => [t.id, t]));
  const drawn = STRATA.flatMap((s, i) => draw(`${seed}:targets:${s}`, register.filter((t) => t.risk === s).map((t) => t.id), quotas[i]));

  const people = new Map(inspectors.map((p) => [p.id, p]));
  const shuffled = draw(`${seed}:inspectors`, inspectors.map((p) => p.id), inspectors.length);
  const conflicts = (p, t) =>
    within(t.jurisdiction, p.home) || within(p.home, t.jurisdiction) || p.unit === t.name || before.some(([pi, ti]) => pi === p.id && ti === t.id);
  const used = new Set();
  const pairs = [];
  for (let team = 1; team <= teams; team++) {
    const mine = drawn.filter((_, i) => i % teams === team - 1).map((id) => byId.get(id));
    const members = [];
    for (const id of shuffled) {
      if (members.length === size) break;
      if (used.has(id) || mine.some((t) => conflicts(people.get(id), t))) continue;
      members.push(id);
      used.add(id);
    }
    if (members.length < size) throw new Error(`team ${team} cannot be filled`);
    for (const t of mine) pairs.push({ target: t.id, team, inspectors: members });
  }
  pairs.sort((a, b) => drawn.indexOf(a.target) - drawn.indexOf(b.target));
  return { canonical, inputs_hash: inputsHash, commitment, pairs };
}

const counties = ['370102', '370103', '370202', '370203', '370302', '370303', '371002', '371003'];
const risks = ['HIGH', 'MEDIUM', 'LOW', 'LOW', 'MEDIUM', 'LOW', 'LOW', 'LOW'];
const input = {
  round: '2026-第1轮',
  targets: 5,
  teams: 2,
  team_size: 2,
  previous_draw_id: 'D-0',
  register: Array.from({ length: 24 }, (_, i) => ({
    id: `T-${String(i).padStart(2, '0')}`, risk: risks[i % 8], jurisdiction: counties[i % 8], name: `企业${i}`,
  })),
  inspectors: Array.from({ length: 8 }, (_, i) => ({
    id: `P-${i}`, home: ['370100', '370200', '370300', '371000'][i % 4], unit: i === 5 ? '企业3' : `单位${i % 4}`,
  })),
  previous_pairs: [['P-0', 'T-02'], ['P-1', 'T-02']],
};

if (import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const seed = 'ducha-draw-v1/teams';
  console.log(JSON.stringify({ seed, input, expected: drawTeams(seed, input) }, null, 2));
}
