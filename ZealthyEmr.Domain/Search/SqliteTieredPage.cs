namespace ZealthyEmr.Domain.Search;

/// <summary>
/// One page of many matches in rank order without ranking them all. Ordering every match of a short query (14,000 of
/// 100,000 patients for "ch") by rank and name cost SQLite 15-20 ms; here each rank is read in name order from its own
/// index and stops at the page's end: the exact email or phone (index seeks), the names that start with the text (a
/// range of the name index), and the other matches, found by walking the sort-name index and keeping the documents
/// in the FTS match (the match's row ids are read once). The three are the same ranks as the ordering query's, so a
/// page is the same either way (below <see cref="SearchOptions.RankWalkMinMatches"/> matches, ordering them all is as
/// cheap and walks no index). Only for the name order of documents not archived (<see cref="SqliteSearchRankIndexes"/>).
/// With <c>textWalk</c> the other matches are tested entry by entry with <c>instr</c> on the index's own copy of the
/// document's text (<see cref="SqliteSearchHaystack"/>) instead of against the FTS match's row ids, which then are read
/// only if a walked document has no such copy.
/// </summary>
internal static class SqliteTieredPage
{
    /// <summary>
    /// The query's SQL: {0} the FTS query on <paramref name="index"/>, {1} the upper-case text, {2} the phone digits
    /// (or ""), {3} offset + page size, {4} page size, {5} offset, {6} the FTS query for the phone digits alone, {7} the
    /// word start a short search looks for (<see cref="SqliteSearchHaystack.WordStart"/>), {8} the FTS5 phrase of the whole text.
    /// <paramref name="textWalk"/>: only for what <see cref="SqliteSearchHaystack"/> can say, a search of the text alone in
    /// printable ASCII (<see cref="SqliteSearchHaystack.Covers"/>; <see cref="SqlitePatientSearch"/> decides).
    /// </summary>
    public static string Sql(string index, SearchTerms terms, bool descending, bool textWalk = false)
    {
        var direction = descending ? "DESC" : "ASC";
        var documents = SearchTriggers.DocumentsTable;
        // Rank 0 as in the ordering query, as two index seeks (an OR of the two kept SQLite from either index); the
        // phone-ending test only for 7 digits or more, through the digits' own (short) match. The other ranks leave
        // rank 0 out by patient id, which their indexes carry, rather than reading each row's email and phone.
        var suffix = terms.Digits is { Length: >= 7 }
            ? $" OR (d.\"Id\" IN (SELECT rowid FROM \"{SqliteSearchSchema.TrigramIndex}\" WHERE \"{SqliteSearchSchema.TrigramIndex}\" MATCH {{6}}) AND substr(d.\"PhoneDigits\", -length({{2}})) = {{2}})"
            : "";
        // Longer digits are matched in the index by their last few, an email by the part before its '@': the document says the rest.
        var check = SqlitePatientSearch.Check(terms, text: 1, digits: 2, phrase: 8);
        var namePrefix = "(d.\"Name\" >= {1} AND d.\"Name\" < {1} || char(1114111))";
        var order = $"d.\"SortName\" {direction}, d.\"PatientId\" {direction}";
        var inMatch = $"d.\"Id\" IN (SELECT rowid FROM \"{index}\" WHERE \"{index}\" MATCH {{0}})" + check;
        // A short search looks for a word start ({7}) in the words, a longer one for the text ({1}) in the text.
        var (column, text) = terms.IsShort ? (SqliteSearchHaystack.WordsColumn, "{7}") : (SqliteSearchHaystack.Column, "{1}");
        var matched = textWalk
            ? $"(instr(d.\"{column}\", {text}) > 0 OR (d.\"{column}\" IS NULL AND {inMatch}))"
            : inMatch;
        return $$"""
            WITH "Exact" AS MATERIALIZED (
                SELECT d."SortName", d."PatientId" FROM "{{documents}}" d WHERE NOT d."Archived" AND d."Email" = {1}
                UNION
                SELECT d."SortName", d."PatientId" FROM "{{documents}}" d WHERE NOT d."Archived" AND (d."PhoneDigits" = {2}{{suffix}}))
            SELECT "PatientId" AS "Value" FROM (
                SELECT 0 AS "Rank", "SortName", "PatientId" FROM "Exact"
                UNION ALL
                SELECT * FROM (SELECT 1, d."SortName", d."PatientId" FROM "{{documents}}" d INDEXED BY "{{SqliteSearchRankIndexes.NameIndex}}"
                    WHERE NOT d."Archived" AND {{namePrefix}} AND d."PatientId" NOT IN (SELECT "PatientId" FROM "Exact")
                    ORDER BY {{order}} LIMIT {3})
                UNION ALL
                SELECT * FROM (SELECT 2, d."SortName", d."PatientId" FROM "{{documents}}" d INDEXED BY "{{SqliteSearchRankIndexes.SortNameIndex}}"
                    WHERE NOT d."Archived" AND {{matched}}
                        AND d."PatientId" NOT IN (SELECT "PatientId" FROM "Exact") AND NOT {{namePrefix}}
                    ORDER BY {{order}} LIMIT {3})
            ) ORDER BY "Rank", "SortName" {{direction}}, "PatientId" {{direction}}
            LIMIT {4} OFFSET {5}
            """;
    }
}
