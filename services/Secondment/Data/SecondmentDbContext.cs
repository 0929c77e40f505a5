using Ducha.Secondment.Domain;
using Ducha.Secondment.Domain.History;
using Ducha.Secondment.Domain.Organization;
using Ducha.Secondment.Domain.Supervision;

namespace Ducha.Secondment.Data;

/// <summary>The secondment service's tables, with the outbox and inbox of ServiceDbContext, on either provider.</summary>
[CompiledSqliteModel("Ducha.Secondment.Data.CompiledModels.SecondmentDbContextModel")]
public sealed class SecondmentDbContext(DbContextOptions<SecondmentDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Cadre> Cadres => Set<Cadre>();
    public DbSet<HistoryLink> HistoryLinks => Set<HistoryLink>();

    // ——— The inspection's organization and supervision requests ———
    public DbSet<InspectionOrganization> Organizations => Set<InspectionOrganization>();
    public DbSet<SupervisionRequest> SupervisionRequests => Set<SupervisionRequest>();

    // ——— Secondments and evaluations ———
    public DbSet<SecondmentTerm> Secondments => Set<SecondmentTerm>();
    public DbSet<CadreEvaluation> Evaluations => Set<CadreEvaluation>();

    // ——— 双随机一公开 draws ———
    public DbSet<InspectionTarget> InspectionTargets => Set<InspectionTarget>();
    public DbSet<Inspector> Inspectors => Set<Inspector>();
    public DbSet<Draw> Draws => Set<Draw>();
}

public sealed class SecondmentDesignTimeFactory : ServiceDesignTimeFactory<SecondmentDbContext>;
