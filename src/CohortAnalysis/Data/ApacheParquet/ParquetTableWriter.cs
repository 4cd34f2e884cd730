using Parquet;
using Parquet.Schema;

namespace CohortAnalysis.Data.ApacheParquet;

/// <summary>Writes a table as Apache Parquet (Parquet.Net, Snappy compression): number variables as nullable DOUBLE
/// columns, every other variable as a nullable UTF-8 string column, dictionary-encoded as warehouse exports (Arrow,
/// Spark, DuckDB) write codes such as subject, arm and visit.</summary>
/// <remarks>
/// <para>Values are given per row as <see cref="double"/> (NaN for missing) or <see cref="string"/>, or null for missing.
/// Made for tests, benchmarks and the demo data (<c>cohort demo --output FILE.parquet</c>); the file format is described
/// in the Apache Parquet format specification (parquet.apache.org/docs/file-format).</para>
/// <para>Thread-safe (no shared state).</para>
/// </remarks>
public static class ParquetTableWriter
{
    /// <summary>Rows per row group unless told otherwise: 131 072, about what DuckDB writes (122 880), so a reader can
    /// decode the next row group while it loads the rows of one (pyarrow's default is 1 048 576).</summary>
    public const int DefaultRowGroupSize = 1 << 17;

    /// <summary>Writes <paramref name="rows"/> described by <paramref name="metadata"/> to <paramref name="stream"/>.</summary>
    /// <param name="stream">Destination (left open); must be seekable.</param>
    /// <param name="metadata">The variables: <see cref="ValueKind.Number"/> become DOUBLE columns, the others strings.</param>
    /// <param name="rows">One array per row, aligned with <see cref="DatasetMetadata.Variables"/>.</param>
    /// <param name="rowGroupSize">Rows per row group (the last one may be shorter).</param>
    /// <returns>The number of rows written.</returns>
    /// <exception cref="ArgumentException">A row does not match the variables, or a value's type does not match its variable.</exception>
    public static long Write(Stream stream, DatasetMetadata metadata, IReadOnlyCollection<object?[]> rows, int rowGroupSize = DefaultRowGroupSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
        WriteAsync(stream, metadata, rows, rowGroupSize).GetAwaiter().GetResult();
        return rows.Count;
    }

    private static async Task WriteAsync(Stream stream, DatasetMetadata metadata, IReadOnlyCollection<object?[]> rows, int rowGroupSize)
    {
        IReadOnlyList<VariableMetadata> variables = metadata.Variables;
        DataField[] fields = variables.Select(v => v.Kind == ValueKind.Number ? (DataField)new DataField<double?>(v.Name) : new DataField<string>(v.Name, true)).ToArray();
        var options = new ParquetOptions();
        foreach (DataField field in fields.Where(f => f.ClrType != typeof(double)))
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, options, append: false);
        int rowNumber = 0;
        foreach (object?[][] chunk in rows.Chunk(rowGroupSize))
        {
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            for (int c = 0; c < fields.Length; c++)
            {
                if (fields[c].ClrType == typeof(double))
                {
                    var values = new double?[chunk.Length];
                    for (int r = 0; r < chunk.Length; r++)
                        values[r] = Value(chunk[r], c, rowNumber + r, variables) switch
                        {
                            null => null,
                            double x => double.IsNaN(x) ? null : x,
                            var other => throw new ArgumentException($"Row {rowNumber + r + 1}, variable {variables[c].Name}: a number variable holds a {other.GetType().Name}.", nameof(rows)),
                        };
                    await group.WriteAsync<double>(fields[c], values.AsMemory());
                }
                else
                {
                    var values = new string?[chunk.Length];
                    for (int r = 0; r < chunk.Length; r++)
                        values[r] = Value(chunk[r], c, rowNumber + r, variables) switch
                        {
                            null => null,
                            string s => s,
                            var other => throw new ArgumentException($"Row {rowNumber + r + 1}, variable {variables[c].Name}: a text variable holds a {other.GetType().Name}.", nameof(rows)),
                        };
                    await group.WriteAsync(fields[c], values);
                }
            }
            group.CompleteValidate();
            rowNumber += chunk.Length;
        }
    }

    private static object? Value(object?[] row, int column, int rowNumber, IReadOnlyList<VariableMetadata> variables)
    {
        if (row.Length != variables.Count)
            throw new ArgumentException($"Row {rowNumber + 1} has {row.Length} values for {variables.Count} variables.", nameof(row));
        return row[column];
    }
}
