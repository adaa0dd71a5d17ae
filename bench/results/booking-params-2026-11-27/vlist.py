import sqlite3,time,uuid
c=sqlite3.connect(':memory:')
cols=[f'c{i}' for i in range(13)]
c.execute(f'create table t (id integer primary key, {",".join(cols)})'); c.execute('create index i1 on t(c1, c2)')
def run(rows_per, total=500, reps=20):
    best=1e9
    for _ in range(reps):
        t=time.perf_counter()
        for s in range(0,total,rows_per):
            n=min(rows_per,total-s); names=[]; vals={}
            k=0
            for r in range(n):
                names.append('('+','.join(f'@r{k+j}' for j in range(13))+')')
                for j in range(13): vals[f'r{k+j}']=f'v{s+r}-{j}'
                k+=13
            c.execute(f'insert into t ({",".join(cols)}) values '+','.join(names), vals)
        best=min(best,time.perf_counter()-t)
        c.execute('delete from t')
    return best*1000
for rp in (100,50,20,10,5,1): print(rp, f'{run(rp):.2f} ms for 500 rows')
