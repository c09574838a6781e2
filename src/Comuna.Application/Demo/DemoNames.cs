namespace Comuna.Application.Demo;

/// <summary>Common Venezuelan given names and surnames, and street names, for the demo census.</summary>
internal static class DemoNames
{
    public static readonly string[] Women =
    [
        "María", "Carmen", "Yolanda", "Luisa", "Ana", "Rosa", "Milagros", "Yusmary", "Daniela", "Gabriela",
        "Andreína", "Josefina", "Marisol", "Yelitza", "Carolina", "Dayana", "Génesis", "Valentina", "Isabel", "Norelys",
    ];

    public static readonly string[] Men =
    [
        "José", "Luis", "Carlos", "Jesús", "Juan", "Pedro", "Rafael", "Miguel", "Francisco", "Antonio",
        "Ramón", "Yorman", "Wilmer", "Jhonny", "Alexander", "Santiago", "Andrés", "Eduardo", "Ángel", "Richard",
    ];

    public static readonly string[] Surnames =
    [
        "González", "Rodríguez", "Pérez", "Hernández", "García", "Martínez", "López", "Díaz", "Sánchez", "Romero",
        "Ramírez", "Torres", "Rojas", "Flores", "Mendoza", "Medina", "Blanco", "Guerrero", "Castillo", "Suárez",
        "Briceño", "Colmenares", "Quintero", "Villegas", "Parra", "Linares", "Márquez", "Chirinos", "Mujica", "Infante",
    ];

    public static readonly string[] UrbanStreets =
    [
        "Bloque", "Edificio", "Callejón", "Vereda", "Escalera", "Sector",
    ];

    public static readonly string[] RuralPlaces =
    [
        "Caserío", "Fundo", "Parcela", "Sector", "Vía principal, casa",
    ];
}
