using ZealthyEmr.Web.Components.Shared;

namespace ZealthyEmr.Tests.Components;

public sealed class InlineRowEditTests
{
    [Fact]
    public void TheFirstCell_IsOfferedFocusOncePerEdit()
    {
        var edit = new InlineRowEdit<string>();
        Assert.False(edit.TakeFirstCellFocus());

        edit.Begin(Guid.NewGuid(), "draft", Guid.NewGuid());
        Assert.True(edit.TakeFirstCellFocus());
        // Later renders of the same edit (a live change rebuilding its cells) leave focus where the user has it.
        Assert.False(edit.TakeFirstCellFocus());

        edit.Begin(Guid.NewGuid(), "another", Guid.NewGuid());
        edit.End();
        Assert.False(edit.TakeFirstCellFocus());
    }
}
