namespace ZealthyEmr.Domain.Audit;

/// <summary>
/// The single row (<see cref="Key"/>) that names the end of the chain. Every audited save locks it first inside its
/// transaction, so concurrent writers on any number of instances append one after another; it also lets the
/// verification notice rows cut off the end of the log.
/// </summary>
public sealed class AuditChainHead
{
    public const int Key = 1;

    public int Id { get; set; } = Key;

    public long Sequence { get; set; }

    public string Hash { get; set; } = AuditHasher.Genesis;
}
