function mpc = case3_ww3a
%CASE3_WW3A  Wood & Wollenberg Example 3A's three units on a three-bus triangle (written for EnergyChain's
%   tests): unit 1 at bus 1, unit 2 at bus 2, unit 3 and all 850 MW of load at bus 3. With unlimited lines
%   the DC-OPF equals the textbook dispatch; the test then limits line 1-3.
mpc.version = '2';
mpc.baseMVA = 100;
mpc.bus = [
	1	3	0	0	0	0	1	1	0	230	1	1.1	0.9;
	2	2	0	0	0	0	1	1	0	230	1	1.1	0.9;
	3	2	850	0	0	0	1	1	0	230	1	1.1	0.9;
];
mpc.gen = [
	1	0	0	300	-300	1	100	1	600	150;
	2	0	0	300	-300	1	100	1	400	100;
	3	0	0	300	-300	1	100	1	200	50;
];
mpc.branch = [
	1	2	0.01	0.1	0	0	0	0	0	0	1	-360	360;
	1	3	0.01	0.1	0	0	0	0	0	0	1	-360	360;
	2	3	0.01	0.1	0	0	0	0	0	0	1	-360	360;
];
mpc.gencost = [
	2	0	0	3	0.001562	7.92	561;
	2	0	0	3	0.00194	7.85	310;
	2	0	0	3	0.00482	7.97	78;
];
