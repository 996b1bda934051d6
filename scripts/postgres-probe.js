// `node scripts/postgres-probe.js <url>`: prints "PostgreSQL <version>" and exits 0 when a server answers
// at <url> within 3 s; prints why not and exits 1 otherwise. Used by scripts/test.sh.
const { Client } = require('pg');

const url = process.argv[2];
const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
client
  .connect()
  .then(() => client.query('show server_version'))
  .then(({ rows }) => {
    process.stdout.write(`PostgreSQL ${rows[0].server_version}\n`);
    return client.end();
  })
  .catch((error) => {
    process.stdout.write(`${error.message || error.code || String(error)}\n`);
    process.exitCode = 1;
  });
