#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/gen-prices.py: writes one seeded daily price series in every form the price benchmark reads.
#
#   gen-prices.py N OUTDIR [SEED]
#
# writes, for a series of N daily points (a positive random walk):
#   prices-N.csv          date,value        (the dataset's points_csv; matplotlib reads it too)
#   prices-N-csv.json     a dataset whose one series has "points_csv": "prices-N.csv"
#   prices-N-inline.json  the same series inline, as "points": [["YYYY-MM-DD", v], ...]
#   prices-N.dat          "YYYY-MM-DD v" lines, whitespace-separated, for gnuplot
# Every form holds the same dates and the same decimal text for each value.

import datetime
import json
import os
import random
import sys

START = datetime.date(1200, 1, 1)  # a million days from here end in the 3900s (years 1..9999 are valid)


def main():
    n = int(sys.argv[1])
    outdir = sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    rng = random.Random(seed)
    os.makedirs(outdir, exist_ok=True)

    dates = []
    values = []
    day = START.toordinal()
    value = 300.0
    for _ in range(n):
        dates.append(datetime.date.fromordinal(day).isoformat())
        value *= 1.0 + rng.gauss(0.0, 0.01)
        value = min(max(value, 5.0), 5000.0)
        values.append('%.2f' % value)
        day += 1

    stem = 'prices-%d' % n
    with open(os.path.join(outdir, stem + '.csv'), 'w') as f:
        f.write('date,value\n')
        f.writelines('%s,%s\n' % dv for dv in zip(dates, values))
    with open(os.path.join(outdir, stem + '.dat'), 'w') as f:
        f.writelines('%s %s\n' % dv for dv in zip(dates, values))

    def dataset(series_extra):
        series = {
            'id': 'dy-bench', 'element': 'Dy', 'name': 'Dysprosium oxide, benchmark series',
            'frequency': 'daily', 'currency': 'USD', 'unit': 'kg', 'cite': 'bench',
        }
        series.update(series_extra)
        return {
            'format': 'rare-earth-atlas/1',
            'title': 'Price benchmark, %d daily points' % n,
            'updated': '2026-11-23',
            'sources': [{'id': 'bench', 'publisher': 'bench/gen-prices.py',
                         'title': 'Seeded random walk (seed %d)' % seed,
                         'date': '2026-11-23', 'kind': 'estimate'}],
            'elements': [{'id': 'Dy', 'name': 'Dysprosium', 'group': 'heavy', 'number': 66}],
            'prices': [series],
        }

    with open(os.path.join(outdir, stem + '-csv.json'), 'w') as f:
        json.dump(dataset({'points_csv': stem + '.csv'}), f, indent=1)
        f.write('\n')

    # Written by hand so each value keeps its decimal text (json.dump would
    # write floats); one point per line, as a person or a script would.
    head = json.dumps(dataset({'points': []}), indent=1)
    marker = '"points": []'
    assert head.count(marker) == 1
    before, after = head.split(marker)
    with open(os.path.join(outdir, stem + '-inline.json'), 'w') as f:
        f.write(before)
        f.write('"points": [\n')
        f.write(',\n'.join('   ["%s", %s]' % dv for dv in zip(dates, values)))
        f.write('\n  ]')
        f.write(after)
        f.write('\n')


if __name__ == '__main__':
    main()
