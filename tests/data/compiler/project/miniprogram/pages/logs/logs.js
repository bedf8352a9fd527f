import dayjs from "dayjs";
Page({});
