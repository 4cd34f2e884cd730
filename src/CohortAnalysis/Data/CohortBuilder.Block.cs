using System.Runtime.CompilerServices;

namespace CohortAnalysis.Data;

internal sealed partial class CohortBuilder
{
    // A block's covariate readings of the row being registered, and of the last row registered.
    private string?[] _blockCovariates = [], _blockPrevious = [];

    /// <summary>Adds a block of rows that read as they stand: the same observations, checks, problems and notes, in the
    /// same order, as one <see cref="Add"/> per row, with the columns written in place. A row's parameter, subject and
    /// visit are looked up only when they differ from the row before (readings are shared strings, so a reference
    /// comparison tells).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddBlock(scoped in RowBlock block)
    {
        int rows = block.To - block.From, before = _rowLine.Count;
        Span<int> subjects = _rowSubject.Append(rows), parameters = _rowParameter.Append(rows);
        Span<double> visits = _rowVisit.Append(rows), values = _rowValue.Append(rows);
        Span<bool> flags = _rowFlag.Append(rows);
        Span<double> bases = _baseColumn is not null ? _rowFileBase.Append(rows) : default;
        Span<double> changes = _changeColumn is not null ? _rowFileChange.Append(rows) : default;
        Span<long> lines = _rowLine.Append(rows);
        RowTexts[] covariates = block.Covariates;
        if (_blockCovariates.Length != covariates.Length) (_blockCovariates, _blockPrevious) = (new string?[covariates.Length], new string?[covariates.Length]);

        string? previousParameter = null, previousSubject = null, previousArm = null;
        int p = -1, s = -1, k = 0;
        double previousVisit = double.NaN;
        VisitLabelTally? labels = null;
        long line = block.FirstLine;
        for (int r = block.From; r < block.To; r++, line++)
        {
            string parameter = block.Parameter.At(r)!;
            if (!ReferenceEquals(parameter, previousParameter))
            {
                p = ParameterIndex(parameter, line);
                previousParameter = p >= 0 ? parameter : null;
                if (p < 0) continue;
            }
            double value = block.Value[r];
            string subject = block.Subject.At(r)!;
            if (!InRange(p, value, line, subject)) continue;
            string arm = block.Arm.At(r)!;
            if (!ReferenceEquals(subject, previousSubject) || !ReferenceEquals(arm, previousArm) || !SameCovariates(covariates, r))
            {
                for (int c = 0; c < covariates.Length; c++) _blockCovariates[c] = covariates[c].At(r);
                s = SubjectIndex(subject, arm, block.ArmColumn, line, _blockCovariates);
                if (s < 0)
                {
                    previousSubject = null;
                    continue;
                }
                (previousSubject, previousArm) = (subject, arm);
                _blockCovariates.CopyTo(_blockPrevious, 0);
            }
            double visit = block.Visit[r];
            if (visit != previousVisit || labels is null) (labels, previousVisit) = (VisitLabels(visit), visit);
            labels.Add(block.Label.At(r), line);

            subjects[k] = s;
            parameters[k] = p;
            visits[k] = visit;
            values[k] = value;
            flags[k] = !block.Flag.IsEmpty && block.Flag[r];
            if (!bases.IsEmpty) bases[k] = block.FileBase.IsEmpty ? double.NaN : block.FileBase[r];
            if (!changes.IsEmpty) changes[k] = block.FileChange.IsEmpty ? double.NaN : block.FileChange[r];
            lines[k] = line;
            k++;
            if (before + k == SubjectEstimateRows) ReserveSubjects();
            if (double.IsNaN(value)) NoteMissing(line, subject);
        }
        _rowSubject.Advance(k);
        _rowParameter.Advance(k);
        _rowVisit.Advance(k);
        _rowValue.Advance(k);
        _rowFlag.Advance(k);
        if (!bases.IsEmpty) _rowFileBase.Advance(k);
        if (!changes.IsEmpty) _rowFileChange.Advance(k);
        _rowLine.Advance(k);
    }

    // Whether row r's covariate readings are those of the last row registered (the same strings).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool SameCovariates(RowTexts[] covariates, int r)
    {
        for (int c = 0; c < covariates.Length; c++)
            if (!ReferenceEquals(covariates[c].At(r), _blockPrevious[c])) return false;
        return true;
    }
}
