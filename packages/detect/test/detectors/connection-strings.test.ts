import { describe, expect, it } from 'vitest';
import { findingFor, scan } from './helpers.ts';

const PASSWORD = 'Zq8#kLw2vRt5yN';
const ENCODED = encodeURIComponent(PASSWORD);

/** A connection string of each common driver, and the detector that owns its password. */
const CASES: [driver: string, text: string, detector: string, value: string][] = [
  ['postgres', `DATABASE_URL=postgres://app:${ENCODED}@db.internal:5432/app`, 'url-credentials', ENCODED],
  [
    'postgresql',
    `DATABASE_URL=postgresql://app:${ENCODED}@db.internal/app?sslmode=require`,
    'url-credentials',
    ENCODED,
  ],
  ['mysql', `url: mysql://root:${ENCODED}@mysql:3306/app`, 'url-credentials', ENCODED],
  ['mariadb', `MARIADB_URL=mariadb://app:${ENCODED}@mariadb:3306/app`, 'url-credentials', ENCODED],
  ['mssql', `"connection": "mssql://sa:${ENCODED}@sql.internal:1433/app"`, 'url-credentials', ENCODED],
  [
    'sqlserver',
    `SQLSERVER_URL=sqlserver://sa:${ENCODED}@sql.internal:1433;database=app`,
    'url-credentials',
    ENCODED,
  ],
  ['redis', `REDIS_URL=redis://:${ENCODED}@cache.internal:6379/0`, 'url-credentials', ENCODED],
  ['rediss', `REDIS_URL=rediss://default:${ENCODED}@cache.upstash.io:6379`, 'url-credentials', ENCODED],
  ['amqp', `AMQP_URL=amqp://worker:${ENCODED}@rabbit:5672/vhost`, 'url-credentials', ENCODED],
  [
    'amqps',
    `CELERY_BROKER_URL=amqps://user:${ENCODED}@b-1.mq.eu-west-1.amazonaws.com:5671`,
    'url-credentials',
    ENCODED,
  ],
  [
    'mongodb',
    `MONGO_URL=mongodb://admin:${ENCODED}@mongo1:27017,mongo2:27017/app?replicaSet=rs0`,
    'url-credentials',
    ENCODED,
  ],
  [
    'mongodb+srv',
    `MONGODB_URI=mongodb+srv://app:${ENCODED}@cluster0.ab1cd.mongodb.net/app`,
    'url-credentials',
    ENCODED,
  ],
  [
    'snowflake',
    `SNOWFLAKE_URL=snowflake://etl:${ENCODED}@acme-xy12345/db/schema`,
    'url-credentials',
    ENCODED,
  ],
  ['oracle url', `oracle: oracle://scott:${ENCODED}@db.internal:1521/ORCLPDB1`, 'url-credentials', ENCODED],
  [
    'jdbc mysql',
    `jdbc:mysql://db:3306/app?user=app&password=${PASSWORD}`,
    'connection-string-password',
    PASSWORD,
  ],
  [
    'jdbc sqlserver',
    `jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=${PASSWORD};`,
    'connection-string-password',
    PASSWORD,
  ],
  [
    'jdbc oracle thin',
    `jdbc:oracle:thin:scott/${PASSWORD}@//db.internal:1521/ORCLPDB1`,
    'oracle-connection-password',
    PASSWORD,
  ],
  [
    'ado.net',
    `Server=db;Database=app;User Id=sa;Password=${PASSWORD};`,
    'connection-string-password',
    PASSWORD,
  ],
  [
    'odbc',
    `Driver={ODBC Driver 18 for SQL Server};Server=db;Uid=sa;Pwd={${PASSWORD}};`,
    'connection-string-password',
    `{${PASSWORD}}`,
  ],
  [
    'libpq keywords',
    `host=db port=5432 dbname=app user=app password=${PASSWORD}`,
    'connection-string-password',
    PASSWORD,
  ],
];

/** Reports the generic assignment detector may add until a specific finding supersedes it. */
const TOLERATED = new Set(['generic-secret']);

describe('connection strings of every common driver', () => {
  it.each(CASES)('%s: the password is reported once', async (_, text, detector, value) => {
    const findings = await scan(`${text}\n`);
    expect(findingFor(findings, detector, value), text).toBeDefined();
    const others = findings.filter((f) => f.detector !== detector && !TOLERATED.has(f.detector));
    expect(others.map((f) => f.detector)).toEqual([]);
    expect(findings.filter((f) => f.detector === detector)).toHaveLength(1);
  });
});
