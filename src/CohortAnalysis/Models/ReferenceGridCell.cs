namespace CohortAnalysis.Models;

/// <summary>One cell of a reference grid: a combination of levels of the specification factors and its L vector.</summary>
/// <param name="Levels">Level label per specification factor, in the grid's factor order.</param>
/// <param name="Codes">Level index per specification factor.</param>
/// <param name="L">Coefficients of the estimable function: LS mean = L·β.</param>
/// <param name="Count">Records analysed in this cell.</param>
internal sealed record ReferenceGridCell(string[] Levels, int[] Codes, double[] L, int Count);
