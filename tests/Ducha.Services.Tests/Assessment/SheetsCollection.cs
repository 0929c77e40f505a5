namespace Ducha.Services.Tests.Assessment;

/// <summary>The score-sheet tests share one host with test sources (<see cref="SheetsFixture"/>); each test uses assessors of its own.</summary>
[CollectionDefinition(Name)]
public sealed class SheetsCollection : ICollectionFixture<SheetsFixture>
{
    public const string Name = "assessment-sheets";
}
