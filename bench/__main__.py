"""`make bench`: every benchmark, each printing its table (results also under bench/results/)."""

import argparse

from bench import quality_table


def main():
    parser = argparse.ArgumentParser(description="Wijkwijs benchmarks")
    parser.add_argument("--only", choices=["quality"], help="run one benchmark")
    parser.parse_args()
    quality_table.main()


if __name__ == "__main__":
    main()
