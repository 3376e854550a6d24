#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/mpl-prices.py: the matplotlib side of the price benchmark: one daily series to a 1600x900 PNG with Agg.
#
#   mpl-prices.py csv  FILE.csv  OUT.png   reads "date,value" rows with numpy.loadtxt
#   mpl-prices.py json FILE.json OUT.png   reads the dataset with Python's json, then the
#                                          series' "points" ([date, value] pairs)
# Matplotlib's defaults otherwise (path simplification on), a title and a
# value-axis label like the app's figure, no other styling.

import sys

import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def read_csv(path):
    rows = np.loadtxt(path, delimiter=',', skiprows=1,
                      dtype={'names': ('date', 'value'), 'formats': ('datetime64[D]', 'f8')})
    return rows['date'], rows['value']


def read_json(path):
    import json
    with open(path, encoding='utf-8') as f:
        dataset = json.load(f)
    points = dataset['prices'][0]['points']
    dates = np.array([p[0] for p in points], dtype='datetime64[D]')
    values = np.array([p[1] for p in points], dtype='f8')
    return dates, values


def main():
    kind, path, out = sys.argv[1:4]
    dates, values = read_csv(path) if kind == 'csv' else read_json(path)
    fig, ax = plt.subplots(figsize=(16, 9), dpi=100)
    ax.plot(dates, values, linewidth=1.5)
    ax.set_title('Dysprosium oxide, benchmark series')
    ax.set_ylabel('USD/kg')
    fig.savefig(out, dpi=100)


if __name__ == '__main__':
    main()
