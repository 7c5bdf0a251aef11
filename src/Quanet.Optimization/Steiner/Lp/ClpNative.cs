using System.Runtime.InteropServices;

namespace Quanet.Optimization.Steiner.Lp;

/// <summary>
/// The part of COIN-OR CLP's C interface (Clp_C_Interface.h, CLP 1.17) that <see cref="ClpLp"/> uses. The
/// library is resolved by <see cref="ClpLibrary"/> (Debian's libClp.so.1); CoinBigIndex is int there.
/// </summary>
internal static unsafe partial class ClpNative
{
    public const string Library = "Clp";

    [LibraryImport(Library)]
    public static partial int Clp_VersionMajor();

    [LibraryImport(Library)]
    public static partial ClpHandle Clp_newModel();

    [LibraryImport(Library)]
    public static partial void Clp_deleteModel(nint model);

    [LibraryImport(Library)]
    public static partial void Clp_setLogLevel(ClpHandle model, int value);

    [LibraryImport(Library)]
    public static partial void Clp_loadProblem(
        ClpHandle model, int columns, int rows, int* start, int* index, double* value,
        double* columnLower, double* columnUpper, double* objective, double* rowLower, double* rowUpper);

    [LibraryImport(Library)]
    public static partial void Clp_addRows(
        ClpHandle model, int number, double* rowLower, double* rowUpper, int* rowStarts, int* columns, double* elements);

    [LibraryImport(Library)]
    public static partial void Clp_deleteRows(ClpHandle model, int number, int* which);

    [LibraryImport(Library)]
    public static partial void Clp_chgColumnLower(ClpHandle model, double* columnLower);

    [LibraryImport(Library)]
    public static partial void Clp_chgColumnUpper(ClpHandle model, double* columnUpper);

    [LibraryImport(Library)]
    public static partial void Clp_chgRowLower(ClpHandle model, double* rowLower);

    [LibraryImport(Library)]
    public static partial void Clp_chgRowUpper(ClpHandle model, double* rowUpper);

    [LibraryImport(Library)]
    public static partial int Clp_dual(ClpHandle model, int ifValuesPass);

    [LibraryImport(Library)]
    public static partial int Clp_initialSolve(ClpHandle model);

    [LibraryImport(Library)]
    public static partial int Clp_primal(ClpHandle model, int ifValuesPass);

    [LibraryImport(Library)]
    public static partial int Clp_status(ClpHandle model);

    [LibraryImport(Library)]
    public static partial int Clp_numberRows(ClpHandle model);

    [LibraryImport(Library)]
    public static partial int Clp_numberIterations(ClpHandle model);

    [LibraryImport(Library)]
    public static partial void Clp_setNumberIterations(ClpHandle model, int numberIterations);

    [LibraryImport(Library)]
    public static partial void Clp_setMaximumSeconds(ClpHandle model, double value);

    [LibraryImport(Library)]
    public static partial void Clp_setMaximumIterations(ClpHandle model, int value);

    [LibraryImport(Library)]
    public static partial double Clp_objectiveValue(ClpHandle model);

    [LibraryImport(Library)]
    public static partial double* Clp_getColSolution(ClpHandle model);

    [LibraryImport(Library)]
    public static partial double* Clp_getRowActivity(ClpHandle model);

    [LibraryImport(Library)]
    public static partial double* Clp_dualRowSolution(ClpHandle model);

    [LibraryImport(Library)]
    public static partial double* Clp_getReducedCost(ClpHandle model);

    [LibraryImport(Library)]
    public static partial byte* Clp_statusArray(ClpHandle model);

    [LibraryImport(Library)]
    public static partial void Clp_copyinStatus(ClpHandle model, byte* statusArray);
}
