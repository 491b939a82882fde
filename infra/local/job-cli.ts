/** `npm run job -- <name>`: runs a scheduled job once against the local stack, with its Lambda handler. */
const JOBS = {
  'card-batch': 'card production (issue 5)',
  'address-refresh': 'the nightly address refresh (issue 6)',
  retention: 'retention (issue 7)',
} as const;

const name = process.argv[2];
if (!name || !(name in JOBS)) {
  console.error(`usage: npm run job -- <${Object.keys(JOBS).join('|')}>`);
  process.exit(2);
}
console.error(`${name} is not built yet: it arrives with ${JOBS[name as keyof typeof JOBS]}.`);
process.exit(3);
