using System.Threading.Channels;

namespace ZealthyEmr.Domain.Accounts;

/// <summary>
/// "Forgot password" requests waiting for <see cref="PasswordResetWorker"/>. The page only queues, so it answers in
/// the same time whether or not the email has an account (looking the account up, minting a token and writing the
/// outbox row would otherwise show in the response time). Bounded: a flood past the rate limits is dropped, and the
/// person asking can ask again.
/// </summary>
public sealed class PasswordResetRequests
{
    private readonly Channel<PasswordResetRequest> queue = Channel.CreateBounded<PasswordResetRequest>(
        new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Queues the request; <paramref name="linkFor"/> must not hold request-scoped services.</summary>
    public bool Queue(string? email, Func<string, string, string> linkFor) =>
        !string.IsNullOrWhiteSpace(email) && email.Length <= 256 && queue.Writer.TryWrite(new(email.Trim(), linkFor));

    internal ChannelReader<PasswordResetRequest> Reader => queue.Reader;
}
