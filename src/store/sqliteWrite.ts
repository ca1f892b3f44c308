import Database from 'better-sqlite3';

/**
 * Opens a new SQLite file for writing once, in one transaction: fixed page size, no journal, so
 * the same rows inserted in the same order give the same bytes (the determinism contract).
 */
export function openForWriting(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('page_size = 4096');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  return db;
}
