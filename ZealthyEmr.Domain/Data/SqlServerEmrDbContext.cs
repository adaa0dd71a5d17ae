using Microsoft.EntityFrameworkCore;

namespace ZealthyEmr.Domain.Data;

public sealed class SqlServerEmrDbContext(DbContextOptions<SqlServerEmrDbContext> options) : EmrDbContext(options);
