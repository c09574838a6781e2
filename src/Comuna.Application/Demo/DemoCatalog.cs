using Comuna.Domain.Access;
using Comuna.Domain.Registry;

namespace Comuna.Application.Demo;

/// <summary>
/// What the demo contains: two urban communes of Caracas as comuneros describe them, and two
/// rural communes of the plains and Lara whose councils have 20–50 families each.
/// </summary>
internal static class DemoCatalog
{
    public const string Password = "comuna-demo-2026";

    public sealed record CommuneSpec(string Code, string Name, string State, string Municipality, string Parish,
        DateOnly FoundedOn, string Charter, CouncilKind Kind, int[] FamiliesPerCouncil, string[] CouncilNames,
        double Latitude, double Longitude);

    public sealed record UserSpec(string Username, string DisplayName, Role Role, string? CommuneCode, int? CouncilIndex, string? Committee);

    public static readonly CommuneSpec[] Communes =
    [
        new("COM-DC-PANAL2021", "Panal 2021", "Distrito Capital", "Libertador", "23 de enero", new(2013, 3, 2),
            "Carta fundacional de la Comuna Socialista El Panal 2021: autogobierno, producción propia (panadería, textiles, centro de acopio) y reinversión social del excedente.",
            CouncilKind.Urban, [450, 455, 440, 460, 445, 450, 452, 448],
            ["Sector La Piedrita", "Bloques 1 al 3", "Bloques 4 al 7", "La Cañada", "Mirador de El Panal", "Observatorio", "Zona E", "Monte Piedad"],
            10.5075, -66.9311),
        new("COM-DC-ALTOSLIDICE", "Altos de Lídice", "Distrito Capital", "Libertador", "La Pastora", new(2015, 9, 12),
            "Carta fundacional de la Comuna Altos de Lídice: siete consejos comunales de la ladera de La Pastora.",
            CouncilKind.Urban, [240, 310, 180, 275, 220, 330, 205],
            ["Lídice Alto", "Guarataro", "Los Cujicitos", "Puerta de Caracas", "Manicomio", "El Polvorín", "Cañón de Lídice"],
            10.5158, -66.9142),
        new("COM-LA-ELMAIZAL", "El Maizal", "Lara", "Simón Planas", "Gustavo Vega", new(2009, 12, 4),
            "Carta fundacional de la Comuna El Maizal: tierra, maíz y ganado en manos de sus productores.",
            CouncilKind.Rural, [42, 35, 28, 47, 31, 25],
            ["Sabana Alta", "El Cují", "La Unión", "Los Ranchos", "Las Veras", "Caserío Mapurite"],
            9.7800, -69.5200),
        new("COM-PO-TIERRAFERTIL", "Tierra Fértil", "Portuguesa", "Guanare", "Cordova", new(2016, 5, 21),
            "Carta fundacional de la Comuna Tierra Fértil: productores de arroz, caraota y hortalizas de Guanare.",
            CouncilKind.Rural, [38, 24, 50, 33, 21],
            ["Mesa de Cavacas", "Quebrada de la Virgen", "San Juan de Guanaguanare", "Los Caños", "Sabanetica"],
            9.0430, -69.7420),
    ];

    public static readonly UserSpec[] Users =
    [
        new("coordinadora", "Coordinación nacional", Role.NationalCoordinator, null, null, null),
        new("admin.panal", "Administración de Panal 2021", Role.CommuneAdmin, "COM-DC-PANAL2021", null, null),
        new("vocera.panal", "Vocera de alimentación, Sector La Piedrita", Role.Spokesperson, "COM-DC-PANAL2021", 0, "alimentación"),
        new("finanzas.panal", "Unidad financiera de Panal 2021", Role.Finance, "COM-DC-PANAL2021", null, null),
        new("tesorera.panal", "Tesorera de la unidad financiera de Panal 2021", Role.Finance, "COM-DC-PANAL2021", null, null),
        new("contraloria.panal", "Contraloría social de Panal 2021", Role.Oversight, "COM-DC-PANAL2021", null, null),
        new("residente.panal", "Residente de Sector La Piedrita", Role.Resident, "COM-DC-PANAL2021", 0, null),
        new("admin.lidice", "Administración de Altos de Lídice", Role.CommuneAdmin, "COM-DC-ALTOSLIDICE", null, null),
        new("vocero.maizal", "Vocero de producción, Sabana Alta", Role.Spokesperson, "COM-LA-ELMAIZAL", 0, "producción"),
        new("finanzas.maizal", "Unidad financiera de El Maizal", Role.Finance, "COM-LA-ELMAIZAL", null, null),
    ];
}
