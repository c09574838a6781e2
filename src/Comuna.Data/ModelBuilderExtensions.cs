using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comuna.Data;

internal static class ModelBuilderExtensions
{
    /// <summary>Names of places, people and organisations: long enough for "Consejo Comunal …".</summary>
    public static PropertyBuilder<string> HaveMaxLengthForName(this PropertyBuilder<string> property) =>
        property.HasMaxLength(200);
}
