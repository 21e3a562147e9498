# Python 3.5+: the same with async def
# and await (asyncio.run from 3.7).
import asyncio

async def countdown(label, n):
    while n > 0:
        print(f"T-minus {n} ({label})")
        await asyncio.sleep(1)
        n -= 1

async def main():
    await asyncio.gather(
        countdown("A", 2), countdown("B", 3))

asyncio.run(main())
