using System.Buffers;
using System.Text.Json;

namespace LocalOffer.Web.Tests;

/// <summary>
/// <see cref="PooledBuffer"/> (issue 30): what is written is what an ArrayBufferWriter holds, however it grows.
/// </summary>
public sealed class PooledBufferTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(16, 100)]
    [InlineData(32 * 1024, 10)]
    [InlineData(32 * 1024, 5_000)]
    [InlineData(1024, 100_000)]
    public void Holds_what_an_array_buffer_writer_holds(int initial, int items)
    {
        using var pooled = new PooledBuffer(initial);
        var plain = new ArrayBufferWriter<byte>();
        foreach (var buffer in new IBufferWriter<byte>[] { pooled, plain })
        {
            using var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true });
            w.WriteStartArray();
            for (var i = 0; i < items; i++) w.WriteStringValue(new string((char)('a' + i % 26), i % 300));
            w.WriteEndArray();
        }
        pooled.WrittenSpan.ToArray().Should().Equal(plain.WrittenSpan.ToArray());
        pooled.WrittenCount.Should().Be(plain.WrittenCount);
    }

    [Fact]
    public void Asks_for_room_of_any_size_and_refuses_to_advance_past_it()
    {
        using var b = new PooledBuffer(4);
        b.GetSpan(100_000).Length.Should().BeGreaterThanOrEqualTo(100_000);
        b.Advance(100_000);
        b.GetMemory().Length.Should().BeGreaterThan(0);
        var act = () => b.Advance(b.GetSpan().Length + 1);
        act.Should().Throw<InvalidOperationException>();
    }
}
