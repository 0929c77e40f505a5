using Ducha.Cases.Domain;

namespace Ducha.Cases.Data;

/// <summary>The cases service's tables, with the outbox and inbox of ServiceDbContext, on either provider.</summary>
[CompiledSqliteModel("Ducha.Cases.Data.CompiledModels.CasesDbContextModel")]
public sealed class CasesDbContext(DbContextOptions<CasesDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseTransition> Transitions => Set<CaseTransition>();
    public DbSet<CaseAssignment> Assignments => Set<CaseAssignment>();
    public DbSet<HandlingReport> Reports => Set<HandlingReport>();
    public DbSet<CaseMeasure> Measures => Set<CaseMeasure>();
    public DbSet<CaseSupervision> Supervisions => Set<CaseSupervision>();
    public DbSet<AccountabilityRecord> Accountability => Set<AccountabilityRecord>();
    public DbSet<ClueReferral> ClueReferrals => Set<ClueReferral>();
    public DbSet<UnitChange> UnitChanges => Set<UnitChange>();
    public DbSet<SecondedCadre> SecondedCadres => Set<SecondedCadre>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Case>(e =>
        {
            e.ToTable("cases");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(36);
            e.Property(c => c.JurisdictionCode).HasMaxLength(12);
            e.Property(c => c.Address).HasMaxLength(500);
            e.Property(c => c.Polluter).HasMaxLength(200);
            e.Property(c => c.Description).HasMaxLength(4000);
            e.Property(c => c.PollutionType).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.Channel).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.IdempotencyKey).HasMaxLength(100);
            e.HasIndex(c => c.IdempotencyKey).IsUnique();
            e.HasIndex(c => new { c.JurisdictionCode, c.ReceivedAt });
            e.Property(c => c.ReporterSealed).HasMaxLength(2000);
            e.Property(c => c.HolderJurisdictionCode).HasMaxLength(12);
            // 待办 (ListHeldCases): one holder's cases in deadline order; its leading column serves lookups by holder office.
            e.HasIndex(c => new { c.HolderJurisdictionCode, c.HolderUnit, c.Deadline, c.Id });
            e.Property(c => c.OriginJurisdictionCode).HasMaxLength(12);
            e.Property(c => c.ReachedJurisdictionCode).HasMaxLength(12);
            // Who may see a case is a prefix of the lowest office it reached.
            e.HasIndex(c => c.ReachedJurisdictionCode);
            e.Property(c => c.HolderUnit).HasMaxLength(100);
            e.Property(c => c.LinkedCaseId).HasMaxLength(36);
            e.Property(c => c.ListedLeader).HasMaxLength(100);
            e.Property(c => c.OwnerLeader).HasMaxLength(100);
            e.Property(c => c.CallbackResult).HasConversion<string>().HasMaxLength(32);
            // Repeated complaints are matched by place and polluter.
            e.HasIndex(c => new { c.JurisdictionCode, c.Polluter });
            e.HasIndex(c => new { c.Status, c.Deadline });
            e.OwnsMany(c => c.Attachments, a => a.ToJson("attachments"));
            e.Property(c => c.HistoryLength).IsConcurrencyToken();
            e.Property(c => c.HistoryHead).HasMaxLength(80);
            e.Ignore(c => c.KnowsHistoryHead);
            e.Ignore(c => c.Holder);
            e.Ignore(c => c.Origin);
            e.Ignore(c => c.IsOpen);
        });
        modelBuilder.Entity<HandlingReport>(e =>
        {
            e.ToTable("case_reports");
            e.HasKey(r => new { r.CaseId, r.Number });
            e.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId);
            e.Property(r => r.CaseId).HasMaxLength(36);
            e.Property(r => r.JurisdictionCode).HasMaxLength(12);
            e.Property(r => r.Unit).HasMaxLength(100);
            e.Property(r => r.Findings).HasMaxLength(4000);
            e.Property(r => r.Result).HasMaxLength(4000);
            e.Property(r => r.PlanTarget).HasMaxLength(1000);
            e.Property(r => r.PlanMeasures).HasMaxLength(4000);
            e.Property(r => r.PlanResponsibleUnit).HasMaxLength(100);
            e.OwnsMany(r => r.PlanPhases, p => p.ToJson("plan_phases"));
        });
        modelBuilder.Entity<CaseMeasure>(e =>
        {
            e.ToTable("case_measures");
            e.HasKey(m => new { m.CaseId, m.Number });
            e.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId);
            e.Property(m => m.CaseId).HasMaxLength(36);
            e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(m => m.Scope).HasConversion<string>().HasMaxLength(32);
            e.Property(m => m.Description).HasMaxLength(2000);
            e.Property(m => m.Investigation).HasMaxLength(4000);
            e.Property(m => m.VerificationFinding).HasMaxLength(2000);
            e.HasIndex(m => new { m.VerificationDate, m.VerifiedAt, m.AlertRaisedAt });
            e.Ignore(m => m.IsStop);
        });
        modelBuilder.Entity<CaseSupervision>(e =>
        {
            e.ToTable("case_supervisions");
            e.HasKey(x => new { x.CaseId, x.Number });
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
            e.Property(x => x.CaseId).HasMaxLength(36);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Leader).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.ByJurisdictionCode).HasMaxLength(12);
            e.Ignore(x => x.Automatic);
        });
        modelBuilder.Entity<AccountabilityRecord>(e =>
        {
            e.ToTable("case_accountability");
            e.HasKey(x => new { x.CaseId, x.Number });
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
            e.Property(x => x.CaseId).HasMaxLength(36);
            e.Property(x => x.PersonName).HasMaxLength(50);
            e.Property(x => x.Position).HasMaxLength(100);
            e.Property(x => x.Rank).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Sanction).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.FaultToleranceReason).HasMaxLength(2000);
            e.Property(x => x.RecordedByJurisdictionCode).HasMaxLength(12);
        });
        modelBuilder.Entity<ClueReferral>(e =>
        {
            e.ToTable("case_clue_referrals");
            e.HasKey(x => new { x.CaseId, x.Number });
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
            e.Property(x => x.CaseId).HasMaxLength(36);
            e.Property(x => x.Summary).HasMaxLength(4000);
            e.Property(x => x.SupervisoryOrganJurisdictionCode).HasMaxLength(12);
        });
        modelBuilder.Entity<CaseAssignment>(e =>
        {
            e.ToTable("case_assignments");
            e.HasKey(a => new { a.CaseId, a.Hop });
            e.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId);
            e.Property(a => a.CaseId).HasMaxLength(36);
            e.Property(a => a.FromJurisdictionCode).HasMaxLength(12);
            e.Property(a => a.ToJurisdictionCode).HasMaxLength(12);
            e.Property(a => a.ToUnit).HasMaxLength(100);
            e.Property(a => a.ReturnReason).HasMaxLength(2000);
            e.Ignore(a => a.IsReturned);
            e.Ignore(a => a.From);
            e.Ignore(a => a.To);
        });
        modelBuilder.Entity<CaseTransition>(e =>
        {
            e.ToTable("case_transitions");
            e.HasKey(t => new { t.CaseId, t.Sequence });
            e.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId);
            e.Property(t => t.CaseId).HasMaxLength(36);
            e.Property(t => t.Action).HasMaxLength(40);
            e.Property(t => t.FromStatus).HasMaxLength(32);
            e.Property(t => t.ToStatus).HasMaxLength(32);
            e.Property(t => t.Actor).HasMaxLength(200);
            e.Property(t => t.ActorRole).HasMaxLength(32);
            e.Property(t => t.ActorJurisdictionCode).HasMaxLength(12);
            e.Property(t => t.ActorLevel).HasMaxLength(16);
            e.Property(t => t.Reason).HasMaxLength(2000);
            e.Property(t => t.PreviousHash).HasMaxLength(64);
            e.Property(t => t.Hash).HasMaxLength(64);
        });
    }
}

public sealed class CasesDesignTimeFactory : ServiceDesignTimeFactory<CasesDbContext>;
