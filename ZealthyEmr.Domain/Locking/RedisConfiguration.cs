using StackExchange.Redis;

namespace ZealthyEmr.Domain.Locking;

public static class RedisConfiguration
{
    /// <summary>
    /// Fails fast: an unreachable Redis costs a booking at most a second (StackExchange.Redis defaults to
    /// five), and the app starts and keeps retrying in the background instead of refusing to start.
    /// </summary>
    public static ConfigurationOptions Parse(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 1000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 1000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 1000);
        return options;
    }
}
