using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ZealthyEmr.Domain.Data;

/// <summary>
/// Inserts rows with multi-row INSERT statements on the context's current transaction, without tracking them. EF Core
/// sends one INSERT per row and tracks every entity, which inside a booking's save (inside SQLite's write lock) cost
/// about as much as the booking's own rows. Columns and values come from the EF model and its type mappings
/// (converters included), so the rows are stored exactly as EF would store them, on both providers.
/// </summary>
internal static class ModelBatchInsert
{
    // SQL Server allows 2,100 parameters per command and 1,000 rows per VALUES list; keep rows x columns under that.
    private const int MaxParameters = 2_000;

    // SQLite finds a named parameter by a linear search of the statement's names, once per appearance while preparing
    // and again for each value Microsoft.Data.Sqlite binds by name, so a statement's cost grows with the square of its
    // parameters: a 100-row audit INSERT (1,500 parameters) spent most of its time in those searches (strncmp was 9 %
    // of the app's CPU while bookings ran). Around ten rows per statement costs least per row.
    private const int MaxSqliteParameters = 128;

    private const int CachedRows = 16;

    // Reading the column names, mappings and getters from the model cost a booking's save about as much as binding its
    // values (issue 9's profile), and they never change for a model, so each entity type's are read once.
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<Type, Shape>> Shapes = [];

    /// <summary>
    /// Writes <paramref name="rows"/> (keys already set); the context must have a transaction. <paramref name="then"/>
    /// may add one more statement (and its parameters) to the last command, to save a round trip.
    /// </summary>
    public static async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken ct, Func<DbCommand, string>? then = null) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException($"{typeof(T).Name} rows are inserted directly only inside the save's transaction.");
        var shape = ShapeOf(db, typeof(T));
        for (var start = 0; start < rows.Count; start += shape.RowsPerStatement)
        {
            var count = Math.Min(shape.RowsPerStatement, rows.Count - start);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            var n = 0;
            for (var r = start; r < start + count; r++)
            {
                foreach (var column in shape.Columns)
                {
                    command.Parameters.Add(column.Mapping.CreateParameter(command, shape.ParameterName(n++), column.Getter.GetClrValueUsingContainingEntity(rows[r]), column.Nullable));
                }
            }

            var text = shape.Statement(count);
            command.CommandText = then is not null && start + count == rows.Count ? $"{text}; {then(command)}" : text;
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>How many parameters one of <paramref name="type"/>'s INSERT statements carries at most on this provider.</summary>
    internal static int ParametersPerStatement(DbContext db, Type type)
    {
        var shape = ShapeOf(db, type);
        return shape.RowsPerStatement * shape.Columns.Count;
    }

    private static Shape ShapeOf(DbContext db, Type type) =>
        Shapes.GetOrCreateValue(db.Model).GetOrAdd(type, static (type, db) => Shape.Of(db, type), db);

    private sealed record Column(RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable);

    private sealed class Shape(string head, IReadOnlyList<Column> columns, int maxParameters)
    {
        private readonly ConcurrentDictionary<int, string> statements = new();
        private readonly string[] names = [.. Enumerable.Range(0, RowsFor(columns.Count, maxParameters) * columns.Count).Select(n => $"@r{n}")];

        public IReadOnlyList<Column> Columns => columns;

        public int RowsPerStatement { get; } = RowsFor(columns.Count, maxParameters);

        public static Shape Of(DbContext db, Type type)
        {
            var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var properties = entity.GetProperties().ToList();
            var sql = db.GetService<ISqlGenerationHelper>();
            var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
            return new Shape(head, [.. properties.Select(p => new Column(p.GetRelationalTypeMapping(), p.GetGetter(), p.IsNullable))],
                db.Database.IsSqlite() ? MaxSqliteParameters : MaxParameters);
        }

        public string ParameterName(int n) => names[n];

        /// <summary>The statement for <paramref name="rows"/> rows, parameters numbered row by row.</summary>
        /// <remarks>A save's few rows reuse their text; a large batch builds its own, which it amortises, so the cache stays small.</remarks>
        public string Statement(int rows) => rows <= CachedRows ? statements.GetOrAdd(rows, Build) : Build(rows);

        private string Build(int count)
        {
            var text = new StringBuilder(head);
            var n = 0;
            for (var r = 0; r < count; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    text.Append(c == 0 ? "" : ", ").Append(names[n++]);
                }

                text.Append(')');
            }

            return text.ToString();
        }

        private static int RowsFor(int columns, int maxParameters) => Math.Max(1, Math.Min(100, maxParameters / columns));
    }
}
