using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Comuna.Data.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite without the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ComunaDbContext>
{
    public ComunaDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ComunaDbContext>();
        options.UseComunaSqlite("Data Source=design-time.db");
        return new ComunaDbContext(options.Options);
    }
}
