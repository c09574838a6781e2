using Comuna.Domain.Deliberation;
using Comuna.Domain.Ledger;

namespace Comuna.Application.Demo;

/// <summary>An assembly that decides, on <c>day</c>, the question under <c>agenda</c> with its mandate, kept under <c>key</c>.</summary>
internal delegate Task Decide(string key, DateOnly day, string agenda, string question, MandateTerms mandate);

/// <summary>
/// The demo's year in two communes' books: their charts of accounts and, month by month, what
/// came in, what the assemblies decided and what was paid under those decisions. Amounts are in
/// céntimos (VES) and cents (USD); the ranges give each month its own figures from a fixed seed.
/// </summary>
internal static class DemoBooksCatalog
{
    public static async Task OpenPanalAccountsAsync(DemoYear year, CancellationToken ct)
    {
        await year.OpenAccountAsync("1101", "Tesorería de la comuna", AccountKind.Treasury, "VES", null, ct);
        await year.OpenAccountAsync("1102", "Caja en dólares", AccountKind.Treasury, "USD", null, ct);
        await year.OpenAccountAsync("1201", "Panadería comunal", AccountKind.Enterprise, "VES", null, ct);
        await year.OpenAccountAsync("1301", "Proyecto: techo de la casa comunal", AccountKind.Project, "VES", null, ct);
        await year.OpenAccountAsync("4101", "Ventas de la panadería", AccountKind.Income, "VES", IncomeSource.OwnRevenue, ct);
        await year.OpenAccountAsync("4102", "Ventas del taller textil", AccountKind.Income, "VES", IncomeSource.OwnRevenue, ct);
        await year.OpenAccountAsync("4103", "Rifas y verbenas", AccountKind.Income, "VES", IncomeSource.OwnRevenue, ct);
        await year.OpenAccountAsync("4104", "Donaciones solidarias", AccountKind.Income, "USD", IncomeSource.OwnRevenue, ct);
        await year.OpenAccountAsync("4201", "Cogestión: Consejo Federal de Gobierno", AccountKind.Income, "VES", IncomeSource.StateFunds, ct);
        await year.OpenAccountAsync("5101", "Molinos y proveedores de harina", AccountKind.Expense, "VES", null, ct);
        await year.OpenAccountAsync("5102", "Ferretería y materiales de construcción", AccountKind.Expense, "VES", null, ct);
        await year.OpenAccountAsync("5103", "Cooperativa de construcción El Panal", AccountKind.Expense, "VES", null, ct);
        await year.OpenAccountAsync("5104", "Repuestos y servicios en dólares", AccountKind.Expense, "USD", null, ct);
    }

    public static async Task PlayPanalAsync(DemoYear year, DateOnly first, Decide decide, CancellationToken ct)
    {
        var r = year.Random;
        long Ves(int from, int to) => r.Next(from, to + 1) * 100L * 100L;
        await decide("insumos", first.AddDays(9), "Presupuesto de la panadería comunal",
            "¿Aprobamos el presupuesto anual de insumos de la panadería (harina, levadura, manteca y gas)?",
            new MandateTerms("Insumos de la panadería comunal", 2_200_000_00L, "VES", null));
        for (var m = 0; m < 12; m++)
        {
            var month = first.AddMonths(m);
            var label = MonthName(month);
            for (var week = 1; week <= 4; week++)
                await year.PostAsync(month.AddDays((7 * week) - 1), "4101", "1201", Ves(55, 70) * 10, "VES", $"Ventas de pan, semana {week} de {label}", ct);
            await year.PostAsync(month.AddDays(21), "1201", "5101", Ves(140, 160) * 10, "VES", $"Harina de trigo y levadura, {label}", ct, mandate: "insumos");
            await year.PostAsync(month.AddDays(27), "1201", "1101", 50_000_00L, "VES", $"Excedente de la panadería para la tesorería, {label}", ct);
            var uniforms = m is 8 or 9;
            await year.PostAsync(month.AddDays(24), "4102", "1101", Ves(uniforms ? 300 : 80, uniforms ? 380 : 140) * 10, "VES",
                uniforms ? $"Uniformes escolares del taller textil, {label}" : $"Ventas del taller textil, {label}", ct);
            if (m % 3 == 1)
                await year.PostAsync(month.AddDays(19), "4103", "1101", Ves(25, 40) * 10, "VES", $"Rifa y verbena de {label}", ct);
            if (m % 4 == 1)
                await year.PostAsync(month.AddDays(11), "4104", "1102", r.Next(400, 701) * 100L, "USD", $"Donación solidaria para la comuna, {label}", ct);

            switch (m)
            {
                case 2:
                    await year.PostAsync(month.AddDays(17), "4201", "1101", 1_200_000_00L, "VES", "Cogestión: aporte del Consejo Federal de Gobierno para el techo de la casa comunal", ct);
                    break;
                case 3:
                    await decide("techo", month.AddDays(11), "Techo de la casa comunal",
                        "¿Sustituimos el techo de la casa comunal con el aporte de cogestión y fondos propios?",
                        new MandateTerms("Techo de la casa comunal", 1_500_000_00L, "VES", null));
                    await year.PostAsync(month.AddDays(14), "1101", "1301", 1_400_000_00L, "VES", "Asignación al proyecto del techo de la casa comunal", ct);
                    break;
                case 4:
                    await year.PostAsync(month.AddDays(7), "1301", "5102", 620_000_00L, "VES", "Láminas de acerolit y correas para el techo", ct, mandate: "techo");
                    break;
                case 5:
                    await year.PostAsync(month.AddDays(19), "1301", "5103", 450_000_00L, "VES", "Mano de obra de la cooperativa: instalación del techo", ct, mandate: "techo");
                    break;
                case 6:
                    await decide("bomba", month.AddDays(8), "Agua del bloque 2",
                        "¿Compramos los repuestos de la bomba de agua del bloque 2 con las donaciones en dólares?",
                        new MandateTerms("Repuestos de la bomba de agua del bloque 2", 900_00L, "USD", null));
                    await year.PostAsync(month.AddDays(15), "1102", "5104", 780_00L, "USD", "Impulsor y sello mecánico de la bomba del bloque 2", ct, mandate: "bomba");
                    break;
                case 7:
                    await year.PostAsync(month.AddDays(5), "1301", "5102", 280_000_00L, "VES", "Impermeabilización y canales del techo", ct, mandate: "techo");
                    break;
                case 9:
                    // A sale entered twice, and its correction: postings are never edited, only reversed.
                    var twice = await year.PostAsync(month.AddDays(25), "4102", "1101", 95_000_00L, "VES", $"Ventas del taller textil, {label} (registrada dos veces)", ct);
                    await year.ReverseAsync(month.AddDays(26), twice, "Corrección: venta del taller textil registrada dos veces", ct);
                    break;
            }
        }
    }

    public static async Task OpenMaizalAccountsAsync(DemoYear year, CancellationToken ct)
    {
        await year.OpenAccountAsync("1101", "Tesorería de la comuna", AccountKind.Treasury, "VES", null, ct);
        await year.OpenAccountAsync("1201", "Empresa de propiedad social El Maizal", AccountKind.Enterprise, "VES", null, ct);
        await year.OpenAccountAsync("4101", "Venta de maíz", AccountKind.Income, "VES", IncomeSource.OwnRevenue, ct);
        await year.OpenAccountAsync("4102", "Venta de leche y queso", AccountKind.Income, "VES", IncomeSource.OwnRevenue, ct);
        await year.OpenAccountAsync("4201", "Cogestión: financiamiento agrícola", AccountKind.Income, "VES", IncomeSource.StateFunds, ct);
        await year.OpenAccountAsync("5101", "Semillas, fertilizantes e insumos", AccountKind.Expense, "VES", null, ct);
        await year.OpenAccountAsync("5102", "Taller mecánico y repuestos", AccountKind.Expense, "VES", null, ct);
    }

    public static async Task PlayMaizalAsync(DemoYear year, DateOnly first, Decide decide, CancellationToken ct)
    {
        var r = year.Random;
        long Ves(int from, int to) => r.Next(from, to + 1) * 1_000_00L;
        await year.PostAsync(first.AddDays(14), "4201", "1101", 180_000_00L, "VES", "Cogestión: financiamiento agrícola para la siembra de invierno", ct);
        for (var m = 0; m < 12; m++)
        {
            var month = first.AddMonths(m);
            var label = MonthName(month);
            await year.PostAsync(month.AddDays(19), "4102", "1201", Ves(12, 18), "VES", $"Leche y queso entregados a la red de distribución, {label}", ct);
            if (m is >= 7 and <= 9)
                await year.PostAsync(month.AddDays(11), "4101", "1201", Ves(90, 140), "VES", $"Cosecha de maíz vendida a las comunas de Caracas, {label}", ct);
            if (m is >= 7 and <= 10)
                await year.PostAsync(month.AddDays(27), "1201", "1101", 60_000_00L, "VES", $"Excedente de la empresa para la tesorería, {label}", ct);
            switch (m)
            {
                case 1:
                    await decide("siembra", month.AddDays(8), "Siembra de invierno",
                        "¿Compramos semillas certificadas y fertilizante para la siembra de invierno?",
                        new MandateTerms("Semillas e insumos para la siembra de invierno", 160_000_00L, "VES", null));
                    await year.PostAsync(month.AddDays(14), "1101", "5101", 45_000_00L, "VES", "Semilla certificada de maíz blanco", ct, mandate: "siembra");
                    break;
                case 2:
                    await year.PostAsync(month.AddDays(2), "1101", "5101", 48_000_00L, "VES", "Fertilizante (urea y fórmula completa)", ct, mandate: "siembra");
                    break;
                case 3:
                    await year.PostAsync(month.AddDays(9), "1101", "5101", 40_000_00L, "VES", "Herbicida y control de plagas", ct, mandate: "siembra");
                    break;
                case 8:
                    await decide("tractor", month.AddDays(4), "El tractor de la comuna",
                        "¿Reparamos el tractor de la comuna antes de la próxima siembra?",
                        new MandateTerms("Reparación del tractor de la comuna", 95_000_00L, "VES", null));
                    await year.PostAsync(month.AddDays(19), "1101", "5102", 48_000_00L, "VES", "Caja de cambios del tractor", ct, mandate: "tractor");
                    break;
                case 9:
                    await year.PostAsync(month.AddDays(13), "1101", "5102", 42_000_00L, "VES", "Mano de obra del taller mecánico", ct, mandate: "tractor");
                    break;
            }
        }
    }

    private static readonly string[] Months =
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    private static string MonthName(DateOnly month) => $"{Months[month.Month - 1]} {month.Year}";
}
