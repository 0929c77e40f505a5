namespace Ducha.Cases.Domain;

/// <summary>A numbered record kept in a case's file (reports, measures, supervision, accountability, clues).</summary>
public interface ICaseRecord
{
    string CaseId { get; }
    int Number { get; }
}
