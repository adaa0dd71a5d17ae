using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using ZealthyEmr.Domain.Changes;

namespace ZealthyEmr.Tests.Domain;

/// <summary>
/// A change is published after its write committed, so a wedged Redis connection must neither hold up nor fail the
/// answer: the publish gives up after its timeout and the change still reaches this instance's pages.
/// </summary>
public sealed class RedisChangePublisherTests
{
    public static TheoryData<string> Failures => ["never answers", "canceled by the connection"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task AWedgedPublish_EndsAndDeliversTheChangeHere(string failure)
    {
        var publish = failure == "never answers"
            ? new TaskCompletionSource<long>().Task
            : Task.FromCanceled<long>(new CancellationToken(canceled: true));
        var feed = new ChangeFeed(NullLogger<ChangeFeed>.Instance);
        var delivered = new TaskCompletionSource<EmrChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = feed.Subscribe(change =>
        {
            delivered.TrySetResult(change);
            return Task.CompletedTask;
        });
        var publisher = new RedisChangePublisher(FakeRedis.Publishing(publish), feed, NullLogger<RedisChangePublisher>.Instance);
        var change = new EmrChange(ChangeKind.Visits, Guid.NewGuid());

        // The guard only keeps a regression from hanging the run; the publisher's own timeout is a second.
        await publisher.PublishAsync(change).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Same(change, await delivered.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task TheCallersOwnCancellation_StillCancels()
    {
        using var cancel = new CancellationTokenSource();
        var publisher = new RedisChangePublisher(FakeRedis.Publishing(new TaskCompletionSource<long>().Task), new ChangeFeed(NullLogger<ChangeFeed>.Instance), NullLogger<RedisChangePublisher>.Instance);
        var publishing = publisher.PublishAsync(new EmrChange(ChangeKind.Visits), cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publishing.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    /// <summary>Just enough of a connection for the publisher: GetSubscriber, and PublishAsync answering with the given task.</summary>
    public class FakeRedis : DispatchProxy
    {
        private Func<MethodInfo, object?>? answer;

        public static IConnectionMultiplexer Publishing(Task<long> publish)
        {
            var subscriber = Create<ISubscriber>(m => m.Name == nameof(ISubscriber.PublishAsync) ? publish : null);
            return Create<IConnectionMultiplexer>(m => m.Name == nameof(IConnectionMultiplexer.GetSubscriber) ? subscriber : null);
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            answer!(targetMethod!) ?? throw new NotSupportedException(targetMethod!.Name);

        private static T Create<T>(Func<MethodInfo, object?> answer) where T : class
        {
            var proxy = Create<T, FakeRedis>();
            ((FakeRedis)(object)proxy).answer = answer;
            return proxy;
        }
    }
}
