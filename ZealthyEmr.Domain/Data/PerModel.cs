using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ZealthyEmr.Domain.Data;

/// <summary>
/// One <typeparamref name="T"/> per EF model. A compiled query (<c>EF.CompileAsyncQuery</c>) serves the first model it
/// runs against and refuses any other, so a class holding compiled queries is made once per model: once in the app,
/// once per host when the tests run several in one process.
/// </summary>
internal static class PerModel<T>
    where T : class, new()
{
    private static readonly ConditionalWeakTable<IModel, T> Instances = [];

    public static T For(DbContext db) => Instances.GetValue(db.Model, _ => new T());
}
