namespace ZealthyEmr.Domain.Search;

/// <summary>The ways SQLite finds one page of a search (<see cref="SqlitePatientSearch"/>); each gives the same page.</summary>
internal enum SqliteSearchWay
{
    /// <summary>Every match read and ordered by rank and the page's order: few matches, or one block of the name order.</summary>
    Ordered,

    /// <summary>The ranks walked in name order, each walked entry tested against FTS5's match (<see cref="SqliteTieredPage"/>).</summary>
    RankWalk,

    /// <summary>The ranks walked in name order, each walked entry tested on its own indexed text (<see cref="SqliteSearchHaystack"/>).</summary>
    TextWalk,
}
