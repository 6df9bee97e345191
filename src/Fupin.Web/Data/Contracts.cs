namespace Fupin.Web.Data;

/// <summary>County data: carries its region code, and the scope filter applies to it.</summary>
public interface IRegionScoped
{
    string RegionCode { get; }
}

/// <summary>Optimistic concurrency: the version a client read must still be current when it saves.</summary>
public interface IVersioned
{
    int Version { get; set; }
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
}

/// <summary>Row-level changes of this entity are written to the audit trail.</summary>
public interface IAudited;
