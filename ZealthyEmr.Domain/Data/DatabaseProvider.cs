namespace ZealthyEmr.Domain.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
