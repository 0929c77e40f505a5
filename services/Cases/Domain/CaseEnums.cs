namespace Ducha.Cases.Domain;

/// <summary>Where a case stands in 接、转、办、督、核 and 销号; values match ducha.cases.v1.CaseStatus.</summary>
public enum CaseStatus { Received = 1, Assigned = 2, Returned = 3, Reported = 4, SentBack = 5, Verified = 6, Closed = 7, Reopened = 8 }

/// <summary>Where a complaint came in: the channels through which the public and the inspection reach an office;
/// values match ducha.cases.v1.Channel.</summary>
public enum Channel
{
    InspectionTeam = 1,
    Hotline12369 = 2,
    MayorMailbox = 3,
    InspectionPhoneBox = 4,
    Letter = 5,
    WebApp = 6,
    MediaExposure = 7,
    LeaderInstruction = 8,
    UndercoverVisit = 9,
}

/// <summary>The reporter's answer at the return visit (回访); values match ducha.cases.v1.CallbackResult.</summary>
public enum CallbackResult { Satisfied = 1, BasicallySatisfied = 2, Dissatisfied = 3 }

public static class CaseStatuses
{
    /// <summary>Statuses in which someone still has work to do on the case, against a deadline.</summary>
    public static readonly CaseStatus[] Open =
        [CaseStatus.Received, CaseStatus.Assigned, CaseStatus.Returned, CaseStatus.Reported, CaseStatus.SentBack, CaseStatus.Reopened];

    /// <summary>Statuses in which the holding office may pass the case down; a reported case is verified first.</summary>
    public static readonly CaseStatus[] Assignable =
        [CaseStatus.Received, CaseStatus.Assigned, CaseStatus.Returned, CaseStatus.SentBack, CaseStatus.Reopened];
}

/// <summary>How an office checked a report (资料审核、现场核查、群众回访); values match ducha.cases.v1.VerificationMethod.</summary>
public enum VerificationMethod { Documents = 1, OnSite = 2, Callback = 3 }
