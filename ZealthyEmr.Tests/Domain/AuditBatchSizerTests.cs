using ZealthyEmr.Domain.Audit;

namespace ZealthyEmr.Tests.Domain;

/// <summary>The view writer's batches: as many rows as fit the write-lock budget at the last batch's time per row.</summary>
public sealed class AuditBatchSizerTests
{
    [Theory]
    [InlineData(500, 5, 500)] // 10 us a row: 1,000 would fit; capped
    [InlineData(500, 40, 125)] // 80 us a row
    [InlineData(500, 80, 62)] // 160 us a row, as at 100,000 patients under load
    [InlineData(100, 10, 100)] // 100 us a row
    [InlineData(500, 1000, AuditBatchSizer.Min)] // 2 ms a row (a checkpoint): never fewer than the floor
    public void Next_FitsTheBudget_WithinItsBounds(int rows, double tookMs, int expected) =>
        Assert.Equal(expected, AuditBatchSizer.Next(rows, TimeSpan.FromMilliseconds(tookMs)));

    [Fact]
    public void Next_WithNothingMeasured_TakesTheMost()
    {
        Assert.Equal(AuditBatchSizer.Max, AuditBatchSizer.Next(0, TimeSpan.FromMilliseconds(5)));
        Assert.Equal(AuditBatchSizer.Max, AuditBatchSizer.Next(300, TimeSpan.Zero));
    }
}
