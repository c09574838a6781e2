using Comuna.Application.Distribution;

namespace Comuna.Application.Tests.Distribution;

public sealed class DeliverySheetParseTests
{
    [Fact]
    public void EveryBadLine_IsNamedAtOnce_WithItsNumber()
    {
        var parsed = RecordDeliverySheet.Parse("F0001\nF0002 dos\nF0003 1 2\n\nF0004 0\nF0005 2");

        Assert.False(parsed.IsSuccess);
        Assert.Equal(["line:2", "line:3", "line:5"], parsed.Error.All.Select(e => e.Field));
        Assert.All(parsed.Error.All, e => Assert.Equal("bad-sheet-line", e.Code));
    }

    [Fact]
    public void AGoodSheet_ReadsEveryLine()
    {
        var parsed = RecordDeliverySheet.Parse("f0001\n# a note\nF0002 2");

        Assert.True(parsed.IsSuccess);
        Assert.Equal([new SheetLine(1, "F0001", null), new SheetLine(3, "F0002", 2)], parsed.Value);
    }
}
