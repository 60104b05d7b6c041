// Creates or drops a database on the CI PostgreSQL server (no psql needed on the machine).
import pg from 'pg';

const [url, action, name] = process.argv.slice(2);
if (!url || !['create', 'drop'].includes(action) || !/^[a-z0-9_]+$/.test(name ?? '')) {
  console.error('usage: node .ci/pg-database.mjs <server-url/db> create|drop <name>');
  process.exit(2);
}
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  await client.query(
    action === 'create' ? `create database ${name}` : `drop database if exists ${name} with (force)`,
  );
  console.log(`${action}d database ${name}`);
} finally {
  await client.end();
}
