using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Comuna.Data.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL; it never connects.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ComunaDbContext>
{
    public ComunaDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ComunaDbContext>();
        options.UseComunaPostgres("Host=localhost;Database=comuna");
        return new ComunaDbContext(options.Options);
    }
}
