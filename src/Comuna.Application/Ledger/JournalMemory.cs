using System.Data.Common;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Ledger;

/// <summary>
/// The one writer's memory of each commune's journal: its head (last sequence and hash) and the
/// balances and mandates its transfers touch. With it, a batch is decided without reading
/// anything, and written with one statement per commune and one SaveChanges: the head moves from
/// the sequence remembered to the batch's last one <i>only if</i> it still stands at the one
/// remembered. Every change of a balance or of a mandate's spending moves a head, so a head that
/// has not moved proves every remembered row still true — even when another process writes to
/// the same database. When it has moved, or a key or a CHECK refuses the batch, the memory of
/// those communes is dropped and <see cref="JournalWriter"/> writes the batch the careful way,
/// reading under the lock; what it read is learnt back.
/// </summary>
/// <remarks>Used by one thread only, the batcher's writer: nothing in it is locked.</remarks>
internal sealed class JournalMemory
{
    private readonly Dictionary<Guid, CommuneJournal> _communes = [];

    /// <summary>
    /// Writes <paramref name="batch"/> from memory, or gives null when memory cannot decide it — a
    /// commune not yet known, a reversal or an approval among the requests, nothing to post, a head
    /// that moved, a refusal by the database — and then nothing of it was written.
    /// </summary>
    public IReadOnlyList<Result<Transfer>>? TryWrite(IComunaDb db, IReadOnlyList<PostingRequest> batch, DateTime postedAtUtc)
    {
        if (batch.Any(r => r.Transfer.ReversesId is not null || r.SettlesPending is not null))
            return null;
        var communes = batch.Select(r => r.Transfer.CommuneId).Distinct().Order().ToList();
        if (!communes.All(_communes.ContainsKey) || !Recall(db, batch))
            return null;

        // Copies, so that a batch the database refuses leaves the memory as it was.
        var heads = communes.ToDictionary(c => c, c => new LedgerHead { CommuneId = c, LastSequence = _communes[c].LastSequence, LastHash = _communes[c].LastHash });
        var accounts = new Dictionary<Guid, Account>();
        var decisions = new Dictionary<Guid, Decision>();
        foreach (var t in batch.Select(r => r.Transfer))
        {
            var journal = _communes[t.CommuneId];
            accounts.TryAdd(t.DebitAccountId, Copy(journal.Accounts[t.DebitAccountId]));
            accounts.TryAdd(t.CreditAccountId, Copy(journal.Accounts[t.CreditAccountId]));
            if (t.SpendsMandate)
                decisions.TryAdd(t.DecisionId!.Value, Copy(journal.Decisions[t.DecisionId!.Value]));
        }
        var state = new JournalBatch(heads, accounts, decisions, new Dictionary<Guid, Guid?>(), new HashSet<Guid>(), new HashSet<Guid>());
        var outcomes = batch.Select(r => state.Apply(r, postedAtUtc)).ToList();
        if (state.Postings.Count == 0)
            return null; // every one refused on remembered rows: the careful path confirms it under the lock

        try
        {
            using var transaction = db.Database.BeginTransaction();
            var ids = batch.Select(r => r.Transfer.Id).ToList();
            foreach (var communeId in communes)
            {
                var remembered = _communes[communeId].LastSequence;
                var head = heads[communeId];
                // Takes the head's lock, proves the memory true and moves the head, in one statement.
                // An id waiting for a second approval is taken too: then the careful path answers.
                var moved = db.LedgerHeads
                    .Where(h => h.CommuneId == communeId && h.LastSequence == remembered && !db.PendingTransfers.Any(p => ids.Contains(p.Id)))
                    .ExecuteUpdate(set => set.SetProperty(h => h.LastSequence, head.LastSequence).SetProperty(h => h.LastHash, head.LastHash));
                if (moved != 1)
                {
                    Forget(communes);
                    return null;
                }
            }
            JournalStatements.Write(db, state.Postings, accounts.Values, decisions.Values);
            transaction.Commit();
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            // A transfer id already posted, or a CHECK the memory did not foresee: the careful path finds which.
            Forget(communes);
            return null;
        }
        catch
        {
            Forget(communes);
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        Learn(state);
        return outcomes;
    }

    /// <summary>Remembers the rows a committed batch — or one decided under the lock — left behind.</summary>
    public void Learn(JournalBatch state)
    {
        foreach (var head in state.Heads.Values)
        {
            if (!_communes.TryGetValue(head.CommuneId, out var journal))
                _communes[head.CommuneId] = journal = new CommuneJournal();
            journal.LastSequence = head.LastSequence;
            journal.LastHash = head.LastHash;
        }
        foreach (var account in state.Accounts.Values)
            _communes[account.CommuneId].Accounts[account.Id] = Copy(account);
        // A mandate is spent only by the transfers of the commune whose head guards it (its own or its council's
        // decision). Every mandate the batch touched is remembered anew — a reversal gives one room back
        // without naming it — and those of its postings are learnt.
        foreach (var communeId in state.Heads.Keys)
        {
            var decisions = _communes[communeId].Decisions;
            foreach (var decision in state.Decisions.Values.Where(d => decisions.ContainsKey(d.Id)))
                decisions[decision.Id] = Copy(decision);
        }
        foreach (var t in state.Postings.Where(t => t.DecisionId is not null))
        {
            if (state.Decisions.TryGetValue(t.DecisionId!.Value, out var decision))
                _communes[t.CommuneId].Decisions[decision.Id] = Copy(decision);
        }
    }

    public void Forget(IEnumerable<Guid> communes)
    {
        foreach (var communeId in communes)
            _communes.Remove(communeId);
    }

    /// <summary>Reads the accounts and mandates of the batch that memory lacks (an account opened since, a
    /// mandate not spent before). Read without the lock: the head check at write time proves them.</summary>
    private bool Recall(IComunaDb db, IReadOnlyList<PostingRequest> batch)
    {
        var accountIds = batch.SelectMany(r => new[] { (r.Transfer.CommuneId, r.Transfer.DebitAccountId), (r.Transfer.CommuneId, r.Transfer.CreditAccountId) })
            .Where(x => !_communes[x.CommuneId].Accounts.ContainsKey(x.Item2)).Select(x => x.Item2).Distinct().ToList();
        if (accountIds.Count > 0)
        {
            foreach (var account in db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToList())
                _communes[account.CommuneId].Accounts[account.Id] = account;
        }
        var decisionIds = batch.Where(r => r.Transfer.SpendsMandate && !_communes[r.Transfer.CommuneId].Decisions.ContainsKey(r.Transfer.DecisionId!.Value))
            .Select(r => (r.Transfer.CommuneId, r.Transfer.DecisionId!.Value)).Distinct().ToList();
        if (decisionIds.Count > 0)
        {
            var ids = decisionIds.Select(d => d.Value).ToList();
            var found = db.Decisions.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionary(d => d.Id);
            foreach (var (communeId, id) in decisionIds)
            {
                if (found.TryGetValue(id, out var decision))
                    _communes[communeId].Decisions[id] = decision;
            }
        }
        return batch.All(r => _communes[r.Transfer.CommuneId].Accounts.ContainsKey(r.Transfer.DebitAccountId)
            && _communes[r.Transfer.CommuneId].Accounts.ContainsKey(r.Transfer.CreditAccountId)
            && (!r.Transfer.SpendsMandate || _communes[r.Transfer.CommuneId].Decisions.ContainsKey(r.Transfer.DecisionId!.Value)));
    }

    private static Account Copy(Account a) => new()
    {
        Id = a.Id,
        CommuneId = a.CommuneId,
        CouncilId = a.CouncilId,
        Code = a.Code,
        Name = a.Name,
        Kind = a.Kind,
        Currency = a.Currency,
        AllowNegative = a.AllowNegative,
        Source = a.Source,
        Balance = a.Balance,
    };

    private static Decision Copy(Decision d) => new()
    {
        Id = d.Id,
        AssemblyId = d.AssemblyId,
        VoteId = d.VoteId,
        Text = d.Text,
        DecidedAtUtc = d.DecidedAtUtc,
        CouncilId = d.CouncilId,
        CommuneId = d.CommuneId,
        MandatePurpose = d.MandatePurpose,
        MandateAmountMinor = d.MandateAmountMinor,
        MandateCurrency = d.MandateCurrency,
        MandateAction = d.MandateAction,
        MandateSpentMinor = d.MandateSpentMinor,
    };

    private sealed class CommuneJournal
    {
        public long LastSequence { get; set; }
        public string LastHash { get; set; } = "";
        public Dictionary<Guid, Account> Accounts { get; } = [];
        public Dictionary<Guid, Decision> Decisions { get; } = [];
    }
}
