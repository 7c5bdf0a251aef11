using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Quanet.Operations.Ingestion;

/// <summary>
/// A prepared SQLite statement on the raw handle (SQLitePCLRaw), bound by position and reused for
/// every row: no parameter objects, no name lookups, strings bound as UTF-8 straight from their chars.
/// Used only by the store's single writer thread.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    /// <summary>Prepares <paramref name="sql"/> (parameters <c>?1</c>, <c>?2</c>, ...) on <paramref name="db"/>.</summary>
    public SqliteStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(db, sql, out _stmt));
    }

    public void Bind(int index, long value) => raw.sqlite3_bind_int64(_stmt, index, value);

    public void Bind(int index, double value) => raw.sqlite3_bind_double(_stmt, index, value);

    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(_stmt, index);
        }
        else
        {
            raw.sqlite3_bind_text(_stmt, index, value);
        }
    }

    public void Bind(int index, long? value)
    {
        if (value is long v)
        {
            raw.sqlite3_bind_int64(_stmt, index, v);
        }
        else
        {
            raw.sqlite3_bind_null(_stmt, index);
        }
    }

    /// <summary>Binds UTF-8 text (copied by SQLite, so the buffer may be reused at once).</summary>
    public void BindUtf8(int index, ReadOnlySpan<byte> utf8) => raw.sqlite3_bind_text(_stmt, index, utf8);

    public void BindNull(int index) => raw.sqlite3_bind_null(_stmt, index);

    /// <summary>Runs the statement to completion and resets it for the next row.</summary>
    /// <exception cref="SqliteException">SQLite failed (constraint, I/O, ...).</exception>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_stmt);
        raw.sqlite3_reset(_stmt);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
        }
    }

    public void Dispose() => _stmt.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
        }
    }
}
