using Microsoft.EntityFrameworkCore;

namespace ZealthyEmr.Domain.Data;

public sealed class SqliteEmrDbContext(DbContextOptions<SqliteEmrDbContext> options) : EmrDbContext(options);
