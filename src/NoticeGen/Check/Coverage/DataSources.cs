namespace NoticeGen.Check.Coverage;

/// <summary>
/// Where a notice's personal data comes from. GDPR Art. 13 applies to data obtained from the person, Art. 14 to data
/// obtained from others; a rule can be limited to one of them, and a notice that does both must meet both.
/// </summary>
[Flags]
public enum DataSources
{
    /// <summary>Data the reader gives (forms, uploads, their use of the service): GDPR Art. 13.</summary>
    FromPerson = 1,

    /// <summary>Data obtained from others (partners, public sources, the reader's organization): GDPR Art. 14.</summary>
    FromOthers = 2,

    /// <summary>Both; the default, since a notice rarely knows it never receives data from others.</summary>
    Both = FromPerson | FromOthers,
}
